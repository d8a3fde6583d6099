// The AWS output services (one SDK client each). The alert processor's bundle carries them in a
// file of their own (aws-outputs.js, scripts/packaging/bundle.ts), loaded when an alert first
// goes to an AWS output: most deployments send to few AWS services, and evaluating every client
// at cold start was the largest part of the processor's start (docs/PERFORMANCE.md).
import type { AwsClientOptions } from "../../shared/aws/client-config";
import { createCloudWatchLogOutput } from "./aws-cloudwatch-log";
import { createFirehoseOutput } from "./aws-firehose";
import { createLambdaOutput } from "./aws-lambda";
import { createLambdaV2Output } from "./aws-lambda-v2";
import type { AwsOutputName } from "./aws-output-keys";
import { createS3Output } from "./aws-s3";
import { createSesOutput } from "./aws-ses";
import { createSnsOutput } from "./aws-sns";
import { createSqsOutput } from "./aws-sqs";
import type { OutputService } from "./types";

export interface AwsOutputOptions {
  clientOptions?: AwsClientOptions;
  /** the account SNS topics given by name live in @default asked of STS on first use */
  accountId?: string;
}

export function createAwsOutputServices(
  options: AwsOutputOptions = {},
): Record<AwsOutputName, OutputService> {
  const { clientOptions, accountId } = options;
  return {
    "aws-cloudwatch-log": createCloudWatchLogOutput({ clientOptions }),
    "aws-firehose": createFirehoseOutput({ clientOptions }),
    "aws-lambda": createLambdaOutput({ clientOptions }),
    "aws-lambda-v2": createLambdaV2Output({ clientOptions }),
    "aws-s3": createS3Output({ clientOptions }),
    "aws-ses": createSesOutput({ clientOptions }),
    "aws-sns": createSnsOutput({ clientOptions, accountId }),
    "aws-sqs": createSqsOutput({ clientOptions }),
  };
}
