import { FirehoseClient } from "@aws-sdk/client-firehose";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import type { Context, KinesisStreamBatchResponse } from "aws-lambda";
import { type AwsClientOptions, awsClientConfig } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { getRuntimeConfig } from "../shared/runtime-config";
import { createClassifier } from "./classifier";
import { inputLimitsFromEnv, SdkS3ObjectReader } from "./inputs";
import { EmfClassifierMetrics } from "./metrics";
import { processEvent } from "./process-event";
import { FirehoseRecordSender } from "./senders/firehose";
import { firehoseLogFilter } from "./senders/firehose-names";
import { SqsRecordSender } from "./senders/sqs";
import { resolveClassifiedLogsQueueUrl } from "./senders/sqs-queue";

export type ClassifierHandler = (
  event: unknown,
  context: Pick<Context, "functionName">,
) => Promise<KinesisStreamBatchResponse>;

/** `<prefix>_<cluster>_streamalert_classifier` → `<cluster>` */
export function clusterFromFunctionName(functionName: string, prefix: string): string | undefined {
  const match = /^(.+)_streamalert_classifier$/.exec(functionName);
  if (!match) return undefined;
  const head = match[1];
  return head.startsWith(`${prefix}_`) ? head.slice(prefix.length + 1) : undefined;
}

/** Everything built once per cold start: the compiled classifier and the SDK clients. */
function coldStart(functionName: string, clientOptions: AwsClientOptions) {
  const config = getRuntimeConfig();
  const prefix = config.global.account.prefix;
  const cluster = process.env.CLUSTER ?? clusterFromFunctionName(functionName, prefix);
  if (!cluster) {
    throw new Error(
      `cannot tell the cluster: set CLUSTER or name the function <prefix>_<cluster>_streamalert_classifier (got "${functionName}")`,
    );
  }
  const classifier = createClassifier(config, cluster);
  const sqsClient = new SQSClient(awsClientConfig("sqs", clientOptions));
  const firehose = config.global.infrastructure.firehose ?? {};
  logger.appendKeys({ cluster });
  return {
    cluster,
    classifier,
    sqsClient,
    queueUrl: resolveClassifiedLogsQueueUrl(sqsClient, config.global),
    firehoseClient: new FirehoseClient(awsClientConfig("firehose", clientOptions)),
    firehosePrefix: firehose.use_prefix === false ? "" : prefix,
    isFirehoseEnabled: firehoseLogFilter(firehose),
    s3: new SdkS3ObjectReader(new S3Client(awsClientConfig("s3", clientOptions))),
    limits: inputLimitsFromEnv(),
  };
}

/**
 * The classifier Lambda handler: compiles the cluster's classifier and creates the SDK clients
 * once, then per invocation runs processEvent and returns Kinesis partial batch failures. When
 * an S3 object, SNS message or app payload could not be handed on, it throws, so Lambda retries
 * the (asynchronous) invocation.
 */
export function createClassifierHandler(clientOptions: AwsClientOptions = {}): ClassifierHandler {
  let state: ReturnType<typeof coldStart> | undefined;
  return async (event, context) => {
    state ??= coldStart(context.functionName, clientOptions);
    const queueUrl = await state.queueUrl;
    const metrics = new EmfClassifierMetrics({
      cluster: state.cluster,
      functionName: context.functionName,
    });
    const senderDeps = { metrics, logger };
    const result = await processEvent(event, {
      classifier: state.classifier,
      sqs: new SqsRecordSender({ client: state.sqsClient, queueUrl, ...senderDeps }),
      firehose: new FirehoseRecordSender({
        client: state.firehoseClient,
        prefix: state.firehosePrefix,
        isEnabled: state.isFirehoseEnabled,
        ...senderDeps,
      }),
      s3: state.s3,
      limits: state.limits,
      ...senderDeps,
    });
    metrics.publish();
    logger.info("classifier invocation done", { ...result.counts });
    if (result.failedSources.length > 0) {
      throw new Error(
        `records of ${result.failedSources.length} input(s) could not be handed on: ${result.failedSources.slice(0, 10).join(", ")}`,
      );
    }
    return { batchItemFailures: result.batchItemFailures };
  };
}

export const handler = createClassifierHandler();
