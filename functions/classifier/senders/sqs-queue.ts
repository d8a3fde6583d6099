import { GetQueueUrlCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { GlobalConfig } from "../../shared/config/types";

/** `<prefix>_streamalert_classified_logs` (without the prefix when `classifier_sqs.use_prefix` is false). */
export function classifiedLogsQueueName(global: GlobalConfig): string {
  const usePrefix = global.infrastructure.classifier_sqs?.use_prefix !== false;
  return usePrefix
    ? `${global.account.prefix}_streamalert_classified_logs`
    : "streamalert_classified_logs";
}

/** The queue URL from CLASSIFIER_SQS_QUEUE_URL, else looked up by name (once per cold start). */
export async function resolveClassifiedLogsQueueUrl(
  client: SQSClient,
  global: GlobalConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (env.CLASSIFIER_SQS_QUEUE_URL) return env.CLASSIFIER_SQS_QUEUE_URL;
  const QueueName = classifiedLogsQueueName(global);
  const response = await client.send(new GetQueueUrlCommand({ QueueName }));
  if (!response.QueueUrl) throw new Error(`SQS queue ${QueueName} not found`);
  return response.QueueUrl;
}
