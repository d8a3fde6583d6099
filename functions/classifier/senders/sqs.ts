import { SendMessageBatchCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { ClassifiedRecord } from "../../shared/classified-record";
import { truncateForLog } from "../../shared/logger";
import type { ClassifierMetrics } from "../metrics";
import { classifiedRecordJson } from "../record-json";
import { backoff } from "./backoff";
import {
  type ClassifierLogger,
  DEFAULT_RETRY_POLICY,
  type RecordSender,
  type RetryPolicy,
} from "./types";

/** SQS's limit for one message and for the sum of the bodies of one SendMessageBatch call. */
export const SQS_MAX_MESSAGE_BYTES = 262_144;
export const SQS_MAX_BATCH_ENTRIES = 10;

interface QueuedMessage {
  parts: string[];
  bytes: number;
  sources: Set<string>;
}

export interface SqsSenderOptions {
  client: SQSClient;
  queueUrl: string;
  metrics: ClassifierMetrics;
  logger: ClassifierLogger;
  retry?: RetryPolicy;
}

/**
 * Sends classified records to the rules engine's queue as JSON-array message bodies of at most
 * 256 KiB (UTF-8 bytes), up to 10 messages and 256 KiB per SendMessageBatch call. Entries that
 * fail are resent alone with backoff; a record too big for any message is reported
 * (error log + SQSFailedRecords) and the rest still go.
 */
export class SqsRecordSender implements RecordSender {
  readonly failedSources = new Set<string>();
  private open: QueuedMessage | undefined;
  private closed: QueuedMessage[] = [];
  private closedBytes = 0;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: SqsSenderOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  async add(record: ClassifiedRecord, sourceId: string): Promise<void> {
    const json = sqsSafeJson(record);
    const bytes = Buffer.byteLength(json);
    if (bytes + 2 > SQS_MAX_MESSAGE_BYTES) {
      this.reportOversized(record, bytes);
      return;
    }
    if (this.open && this.open.bytes + 1 + bytes > SQS_MAX_MESSAGE_BYTES) await this.closeOpen();
    const message = this.open ?? { parts: [], bytes: 2, sources: new Set<string>() };
    this.open = message;
    message.bytes += bytes + (message.parts.length > 0 ? 1 : 0);
    message.parts.push(json);
    message.sources.add(sourceId);
  }

  async flush(): Promise<void> {
    if (this.open) await this.closeOpen();
    if (this.closed.length > 0) await this.sendClosed();
  }

  private async closeOpen(): Promise<void> {
    const message = this.open!;
    this.open = undefined;
    const full =
      this.closed.length === SQS_MAX_BATCH_ENTRIES ||
      this.closedBytes + message.bytes > SQS_MAX_MESSAGE_BYTES;
    if (full) await this.sendClosed();
    this.closed.push(message);
    this.closedBytes += message.bytes;
  }

  private async sendClosed(): Promise<void> {
    const messages = this.closed;
    this.closed = [];
    this.closedBytes = 0;
    let pending = messages.map((message, index) => ({ id: String(index), message }));
    let lastError = "";
    for (let attempt = 1; pending.length > 0 && attempt <= this.retry.attempts; attempt++) {
      if (attempt > 1) await backoff(this.retry, attempt - 1);
      const entries = pending.map(({ id, message }) => ({
        Id: id,
        MessageBody: `[${message.parts.join(",")}]`,
      }));
      try {
        const response = await this.options.client.send(
          new SendMessageBatchCommand({ QueueUrl: this.options.queueUrl, Entries: entries }),
        );
        const failed = new Map((response.Failed ?? []).map((entry) => [entry.Id, entry]));
        const succeeded = pending.filter(({ id }) => !failed.has(id));
        this.countSent(succeeded.map(({ message }) => message));
        pending = pending.filter(({ id }) => failed.has(id));
        lastError = [...failed.values()].map((f) => `${f.Code}: ${f.Message}`).join("; ");
      } catch (error) {
        lastError = (error as Error).message;
      }
    }
    if (pending.length > 0)
      this.reportUnsent(
        pending.map(({ message }) => message),
        lastError,
      );
  }

  private countSent(messages: QueuedMessage[]): void {
    const records = messages.reduce((sum, message) => sum + message.parts.length, 0);
    if (records > 0) this.options.metrics.add("SQSRecordsSent", records);
  }

  private reportUnsent(messages: QueuedMessage[], reason: string): void {
    const records = messages.reduce((sum, message) => sum + message.parts.length, 0);
    this.options.metrics.add("SQSFailedRecords", records);
    for (const message of messages)
      for (const source of message.sources) this.failedSources.add(source);
    this.options.logger.error("SQS messages not sent after retries", {
      queueUrl: this.options.queueUrl,
      messages: messages.length,
      records,
      attempts: this.retry.attempts,
      reason,
    });
  }

  private reportOversized(record: ClassifiedRecord, bytes: number): void {
    this.options.metrics.add("SQSFailedRecords", 1);
    this.options.logger.error("classified record too large for SQS, not sent", {
      bytes,
      maxBytes: SQS_MAX_MESSAGE_BYTES,
      cluster: record.cluster,
      log_schema_type: record.log_schema_type,
      resource: record.resource,
      record: truncateForLog(record.record),
    });
  }
}

/**
 * JSON text SQS accepts: JSON.stringify already escapes control characters and lone surrogates,
 * but SQS also rejects U+FFFE and U+FFFF, which can only occur inside strings, so escape them.
 */
function sqsSafeJson(record: ClassifiedRecord): string {
  const json = classifiedRecordJson(record);
  return /[\uFFFE\uFFFF]/.test(json)
    ? json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    : json;
}
