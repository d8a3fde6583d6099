import { type FirehoseClient, PutRecordBatchCommand } from "@aws-sdk/client-firehose";
import type { ClassifiedRecord } from "../../shared/classified-record";
import type { ClassifierMetrics } from "../metrics";
import { backoff } from "./backoff";
import { firehoseStreamName } from "./firehose-names";
import { sanitizeKeys } from "./sanitize-keys";
import {
  type ClassifierLogger,
  DEFAULT_RETRY_POLICY,
  type RecordSender,
  type RetryPolicy,
} from "./types";

/** PutRecordBatch limits: records per call, bytes per call, bytes per record. */
export const FIREHOSE_MAX_BATCH_RECORDS = 500;
export const FIREHOSE_MAX_BATCH_BYTES = 4 * 1024 * 1024;
export const FIREHOSE_MAX_RECORD_BYTES = 1_000 * 1024;

interface QueuedRecord {
  data: Buffer;
  source: string;
}
interface StreamBatch {
  records: QueuedRecord[];
  bytes: number;
}

export interface FirehoseSenderOptions {
  client: FirehoseClient;
  /** account prefix; "" when `firehose.use_prefix` is false */
  prefix: string;
  /** which log types go to Firehose (see firehoseLogFilter) */
  isEnabled: (logType: string) => boolean;
  metrics: ClassifierMetrics;
  logger: ClassifierLogger;
  retry?: RetryPolicy;
}

/**
 * Sends the records of enabled log types to their delivery stream for historical search: keys
 * sanitized, one JSON line per record, at most 500 records / 4 MiB per PutRecordBatch call. Only
 * the records the response marks with an ErrorCode are resent. Records over 1,000 KiB are counted
 * as failed and not sent. Failures are counted and logged; they are not failures of the source
 * records (Firehose is the archive, not the alerting path; see process-event.ts).
 */
export class FirehoseRecordSender implements RecordSender {
  readonly failedSources = new Set<string>();
  private readonly batches = new Map<string, StreamBatch>();
  private readonly retry: RetryPolicy;

  constructor(private readonly options: FirehoseSenderOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  async add(record: ClassifiedRecord, sourceId: string): Promise<void> {
    if (!this.options.isEnabled(record.log_schema_type)) return;
    const data = Buffer.from(`${JSON.stringify(sanitizeKeys(record.record))}\n`);
    const stream = firehoseStreamName(this.options.prefix, record.log_schema_type);
    if (data.length > FIREHOSE_MAX_RECORD_BYTES) {
      this.options.metrics.add("FirehoseFailedRecords", 1);
      this.options.logger.error("record too large for Firehose, not sent", {
        stream,
        bytes: data.length,
        maxBytes: FIREHOSE_MAX_RECORD_BYTES,
      });
      return;
    }
    let batch = this.batches.get(stream);
    const full =
      batch &&
      (batch.records.length === FIREHOSE_MAX_BATCH_RECORDS ||
        batch.bytes + data.length > FIREHOSE_MAX_BATCH_BYTES);
    if (!batch || full) {
      if (batch) await this.send(stream, batch);
      batch = { records: [], bytes: 0 };
      this.batches.set(stream, batch);
    }
    batch.records.push({ data, source: sourceId });
    batch.bytes += data.length;
  }

  async flush(): Promise<void> {
    const batches = [...this.batches];
    this.batches.clear();
    for (const [stream, batch] of batches) await this.send(stream, batch);
  }

  private async send(stream: string, batch: StreamBatch): Promise<void> {
    let pending = batch.records;
    let lastError = "";
    for (let attempt = 1; pending.length > 0 && attempt <= this.retry.attempts; attempt++) {
      if (attempt > 1) await backoff(this.retry, attempt - 1);
      try {
        const response = await this.options.client.send(
          new PutRecordBatchCommand({
            DeliveryStreamName: stream,
            Records: pending.map(({ data }) => ({ Data: data })),
          }),
        );
        const results = response.RequestResponses ?? [];
        const failed = pending.filter((_, index) => results[index]?.ErrorCode);
        if (failed.length > 0) lastError = errorsOf(results);
        const sent = pending.length - failed.length;
        if (sent > 0) this.options.metrics.add("FirehoseRecordsSent", sent);
        pending = failed;
      } catch (error) {
        lastError = (error as Error).message;
      }
    }
    if (pending.length === 0) return;
    this.options.metrics.add("FirehoseFailedRecords", pending.length);
    for (const { source } of pending) this.failedSources.add(source);
    this.options.logger.error("Firehose records not sent after retries", {
      stream,
      records: pending.length,
      attempts: this.retry.attempts,
      reason: lastError,
    });
  }
}

function errorsOf(results: Array<{ ErrorCode?: string; ErrorMessage?: string }>): string {
  const codes = new Set(
    results.filter((r) => r.ErrorCode).map((r) => `${r.ErrorCode}: ${r.ErrorMessage}`),
  );
  return [...codes].join("; ");
}
