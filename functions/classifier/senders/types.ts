import type { Logger } from "@aws-lambda-powertools/logger";
import type { ClassifiedRecord } from "../../shared/classified-record";

/** The logger calls the classifier makes (the shared Powertools logger, or a fake in tests). */
export type ClassifierLogger = Pick<Logger, "error" | "warn" | "info" | "debug">;

/**
 * Hands classified records on (SQS, Firehose). One sender per invocation: it batches as records
 * come, sends full batches as it goes (so memory stays bounded) and the rest on `flush`.
 */
export interface RecordSender {
  /** Queue one record that came from the given source event record. */
  add(record: ClassifiedRecord, sourceId: string): Promise<void>;
  /** Send what is still queued. */
  flush(): Promise<void>;
  /** Source event records some of whose records could not be handed on, even after retries. */
  readonly failedSources: ReadonlySet<string>;
}

/** How often and how patiently a failed part of a batch is resent. */
export interface RetryPolicy {
  /** total tries, the first included */
  attempts: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 100 };
