// Every output service the alert processor can send to (SPEC §5), keyed by its outputs.json name.
// Each factory builds its SDK or HTTP client lazily, so a service no alert uses costs nothing.
import type { AwsClientOptions } from "../../shared/aws/client-config";
import { createCloudWatchLogOutput } from "./aws-cloudwatch-log";
import { createFirehoseOutput } from "./aws-firehose";
import { createLambdaOutput } from "./aws-lambda";
import { createLambdaV2Output } from "./aws-lambda-v2";
import { createS3Output } from "./aws-s3";
import { createSesOutput } from "./aws-ses";
import { createSnsOutput } from "./aws-sns";
import { createSqsOutput } from "./aws-sqs";
import { createCarbonBlackOutput } from "./carbonblack";
import { createDemistoOutput } from "./demisto";
import { createGithubOutput } from "./github";
import { createHttpClient, type HttpClient } from "./http";
import { createJiraOutput } from "./jira";
import { createJiraV2Output } from "./jira-v2";
import { createKomandOutput } from "./komand";
import { createPagerDutyOutput } from "./pagerduty";
import { createPagerDutyIncidentOutput } from "./pagerduty-incident";
import { createPagerDutyV2Output } from "./pagerduty-v2";
import { createPhantomOutput } from "./phantom";
import { createSlackOutput } from "./slack";
import { createTeamsOutput } from "./teams";
import type { OutputService } from "./types";
import { createVictorOpsOutput } from "./victorops";

export { OutputConfigError, OutputError, OutputHttpError } from "./errors";
export { createHttpClient, type HttpClient } from "./http";
export type { DispatchRequest, OutputService } from "./types";

/** The services createOutputServices returns, as outputs.json names them. */
export const OUTPUT_SERVICE_NAMES = [
  "aws-cloudwatch-log",
  "aws-firehose",
  "aws-lambda",
  "aws-lambda-v2",
  "aws-s3",
  "aws-ses",
  "aws-sns",
  "aws-sqs",
  "carbonblack",
  "demisto",
  "github",
  "jira",
  "jira-v2",
  "komand",
  "pagerduty",
  "pagerduty-incident",
  "pagerduty-v2",
  "phantom",
  "slack",
  "teams",
  "victorops",
] as const;

export type OutputServiceName = (typeof OUTPUT_SERVICE_NAMES)[number];

export interface OutputServicesOptions {
  /** SDK client settings (region, emulator endpoints) for the AWS outputs */
  clientOptions?: AwsClientOptions;
  /** the HTTP outputs' client @default createHttpClient() (3 s timeout, 5 tries) */
  http?: HttpClient;
  /** the account SNS topics given by name live in @default asked of STS on first use */
  accountId?: string;
}

export function createOutputServices(
  options: OutputServicesOptions = {},
): Record<OutputServiceName, OutputService> {
  const { clientOptions, accountId } = options;
  const http = options.http ?? createHttpClient();
  const services: Record<OutputServiceName, OutputService> = {
    "aws-cloudwatch-log": createCloudWatchLogOutput({ clientOptions }),
    "aws-firehose": createFirehoseOutput({ clientOptions }),
    "aws-lambda": createLambdaOutput({ clientOptions }),
    "aws-lambda-v2": createLambdaV2Output({ clientOptions }),
    "aws-s3": createS3Output({ clientOptions }),
    "aws-ses": createSesOutput({ clientOptions }),
    "aws-sns": createSnsOutput({ clientOptions, accountId }),
    "aws-sqs": createSqsOutput({ clientOptions }),
    carbonblack: createCarbonBlackOutput({ http }),
    demisto: createDemistoOutput({ http }),
    github: createGithubOutput({ http }),
    jira: createJiraOutput({ http }),
    "jira-v2": createJiraV2Output({ http }),
    komand: createKomandOutput({ http }),
    pagerduty: createPagerDutyOutput({ http }),
    "pagerduty-incident": createPagerDutyIncidentOutput({ http }),
    "pagerduty-v2": createPagerDutyV2Output({ http }),
    phantom: createPhantomOutput({ http }),
    slack: createSlackOutput({ http }),
    teams: createTeamsOutput({ http }),
    victorops: createVictorOpsOutput({ http }),
  };
  return services;
}
