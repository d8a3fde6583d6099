// Sends gathered logs to the cluster's classifier as asynchronous invocations of its `production`
// alias, `{"streamalert_app": "<function>", "logs": [...]}`, each payload at most 128,000 bytes
// (StreamAlert's limit for event invocations). Logs are packed in order; one log that alone
// exceeds the limit cannot be delivered this way and is counted and logged, never sent partly.
import { logger, truncateForLog } from "../shared/logger";
import type { LambdaInvoker } from "./lambda-invoker";

export const MAX_PAYLOAD_BYTES = 128_000;
export const CLASSIFIER_QUALIFIER = "production";

export interface SendResult {
  sent: number;
  batches: number;
  /** logs larger than the payload limit on their own */
  dropped: number;
}

export interface LogBatcherOptions {
  invoker: LambdaInvoker;
  /** the app function, as the classifier's data_sources name it */
  source: string;
  destination: string;
  maxPayloadBytes?: number;
}

export function createLogBatcher(options: LogBatcherOptions) {
  const limit = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
  const head = `{"streamalert_app":${JSON.stringify(options.source)},"logs":[`;
  const tail = "]}";
  const overhead = Buffer.byteLength(head) + Buffer.byteLength(tail);

  async function flush(parts: string[]): Promise<void> {
    await options.invoker.invokeAsync(
      options.destination,
      CLASSIFIER_QUALIFIER,
      `${head}${parts.join(",")}${tail}`,
    );
  }

  return {
    async send(logs: readonly unknown[]): Promise<SendResult> {
      const result: SendResult = { sent: 0, batches: 0, dropped: 0 };
      let parts: string[] = [];
      let bytes = overhead;
      for (const log of logs) {
        const text = JSON.stringify(log) ?? "null";
        const size = Buffer.byteLength(text);
        if (overhead + size > limit) {
          result.dropped += 1;
          logger.error("app log exceeds the classifier payload limit and is dropped", {
            bytes: size,
            limit,
            log: truncateForLog(text, 512),
          });
          continue;
        }
        const separator = parts.length > 0 ? 1 : 0;
        if (bytes + separator + size > limit) {
          await flush(parts);
          result.sent += parts.length;
          result.batches += 1;
          parts = [];
          bytes = overhead;
        }
        bytes += (parts.length > 0 ? 1 : 0) + size;
        parts.push(text);
      }
      if (parts.length > 0) {
        await flush(parts);
        result.sent += parts.length;
        result.batches += 1;
      }
      return result;
    },
  };
}
