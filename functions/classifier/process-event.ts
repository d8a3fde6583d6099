import { NORMALIZATION_KEY } from "../shared/classified-record";
import { truncateForLog } from "../shared/logger";
import {
  DEFAULT_INPUT_LIMITS,
  type InputItem,
  type InputLimits,
  readEventRecords,
  type S3ObjectReader,
  type SourceEventRecord,
} from "./inputs";
import type { ClassifierMetrics } from "./metrics";
import type { ClassifierLogger, RecordSender } from "./senders/types";
import type { Classifier, ClassifyOutcome, RawRecord } from "./types";

export interface ProcessEventDeps {
  classifier: Classifier;
  /** the rules engine's queue, for this invocation */
  sqs: RecordSender;
  /** historical search, for this invocation; absent when Firehose is off */
  firehose?: RecordSender;
  s3: S3ObjectReader;
  metrics: ClassifierMetrics;
  logger: ClassifierLogger;
  limits?: InputLimits;
  /** bad records logged one by one per invocation; the rest only counted (default 100) */
  maxLoggedFailures?: number;
}

export interface ProcessEventResult {
  /** Kinesis records (sequence numbers) whose classified records could not be sent to SQS */
  batchItemFailures: Array<{ itemIdentifier: string }>;
  /**
   * S3 objects, SNS messages and app payloads that could not be read or whose records could not
   * all be sent. They come by asynchronous invocation, which can only be retried whole: the
   * handler throws when this is not empty (Lambda retries; the rules engine is idempotent).
   */
  failedSources: string[];
  counts: { records: number; classified: number; failed: number };
}

/**
 * The classifier's work for one Lambda event: decode every input record, classify it, hand the
 * results to SQS (and Firehose). Bad records — undecodable, unknown resource, matching no schema —
 * are counted (FailedParses) and logged truncated; they are not batch failures, since a retry
 * cannot fix them. A send to SQS that still fails after retries is a failure of the source records
 * it came from. Firehose failures are counted and logged only: the archive must not cause the
 * alerting path to be replayed.
 */
export async function processEvent(
  event: unknown,
  deps: ProcessEventDeps,
): Promise<ProcessEventResult> {
  const run = new EventRun(deps);
  for await (const item of readEventRecords(event, {
    s3: deps.s3,
    limits: deps.limits ?? DEFAULT_INPUT_LIMITS,
  })) {
    await run.handle(item);
  }
  return run.finish();
}

class EventRun {
  private readonly sourceKinds = new Map<string, SourceEventRecord["kind"]>();
  private readonly unreadSources = new Set<string>();
  private readonly counts = { records: 0, classified: 0, failed: 0 };
  private loggedFailures = 0;

  constructor(private readonly deps: ProcessEventDeps) {}

  async handle(item: InputItem): Promise<void> {
    const { metrics } = this.deps;
    this.sourceKinds.set(item.source.id, item.source.kind);
    switch (item.kind) {
      case "record":
        this.counts.records++;
        metrics.add("TotalRecords", 1);
        metrics.add("TotalProcessedSize", item.bytes);
        if (item.source.kind === "s3") metrics.add("TotalS3Records", 1);
        await this.classifyAndSend(item.raw, item.source.id);
        return;
      case "failure":
        this.counts.records++;
        metrics.add("TotalRecords", 1);
        this.badRecord(item.reason, item.message, item.service, item.resource, item.sample);
        return;
      case "s3_object": {
        metrics.add("S3DownloadTime", item.downloadMs);
        const { bucket, key, records, downloadMs } = item;
        this.deps.logger.debug("S3 object read", { bucket, key, records, downloadMs });
        return;
      }
      case "source_error":
        this.unreadSources.add(item.source.id);
        this.deps.logger.error("could not read input", {
          source: item.source.id,
          error: item.message,
        });
        return;
    }
  }

  async finish(): Promise<ProcessEventResult> {
    await this.deps.sqs.flush();
    await this.deps.firehose?.flush();
    const hidden = this.counts.failed - this.loggedFailures;
    if (hidden > 0) {
      this.deps.logger.error("more bad records were counted but not logged", { count: hidden });
    }
    const batchItemFailures: Array<{ itemIdentifier: string }> = [];
    const failedSources: string[] = [];
    for (const id of new Set([...this.unreadSources, ...this.deps.sqs.failedSources])) {
      if (this.sourceKinds.get(id) === "kinesis") batchItemFailures.push({ itemIdentifier: id });
      else failedSources.push(id);
    }
    return { batchItemFailures, failedSources, counts: this.counts };
  }

  private async classifyAndSend(raw: RawRecord, sourceId: string): Promise<void> {
    const outcome = this.classify(raw);
    if (!outcome.ok) {
      this.badRecord(outcome.reason, outcome.message, raw.service, raw.resource, raw.data);
      return;
    }
    for (const record of outcome.records) {
      this.counts.classified++;
      if (record.record[NORMALIZATION_KEY] !== undefined)
        this.deps.metrics.add("NormalizedRecords", 1);
      await this.deps.sqs.add(record, sourceId);
      await this.deps.firehose?.add(record, sourceId);
    }
  }

  /** A classifier bug on one record must not take the batch down: it counts as a bad record. */
  private classify(
    raw: RawRecord,
  ): ClassifyOutcome | { ok: false; reason: string; message: string } {
    try {
      return this.deps.classifier.classify(raw);
    } catch (error) {
      return { ok: false, reason: "classifier_error", message: (error as Error).message };
    }
  }

  private badRecord(
    reason: string,
    message: string,
    service: string,
    resource: string,
    data: unknown,
  ): void {
    this.counts.failed++;
    this.deps.metrics.add("FailedParses", 1);
    if (this.loggedFailures >= (this.deps.maxLoggedFailures ?? 100)) return;
    this.loggedFailures++;
    this.deps.logger.error("record not classified", {
      reason,
      message,
      cluster: this.deps.classifier.cluster,
      // "service" is Powertools' own key (the function), so the source's is named apart
      sourceService: service,
      resource,
      record: truncateForLog(data),
    });
  }
}
