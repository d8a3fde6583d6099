import type { ServiceName } from "./config/types";

/** A parsed log record: plain JSON. */
export type LogRecord = Record<string, unknown>;

/**
 * What the classifier hands to the rules engine (SQS message bodies are JSON arrays of these).
 * Same keys as StreamAlert's payload, so tooling that reads the queue keeps working.
 */
export interface ClassifiedRecord {
  cluster: string;
  /** "family:type", e.g. "cloudtrail:events" */
  log_schema_type: string;
  record: LogRecord;
  service: ServiceName;
  /** stream, bucket, topic or app function name */
  resource: string;
  /** the parser that produced it: json | csv | kv | syslog */
  data_type: string;
}

/** Key the classifier adds for normalized values (SPEC §3.5). */
export const NORMALIZATION_KEY = "streamalert_normalization";
/** Key added to records that come from an envelope schema. */
export const ENVELOPE_KEY = "streamalert:envelope_keys";
/** Key threat intel adds to matched records. */
export const IOC_KEY = "streamalert:ioc";
