import type { ServiceName } from "../../shared/config/types";
import type { RawRecord } from "../types";

/**
 * The Lambda event record a raw record came from. Kinesis records can be retried one by one
 * (partial batch failures, identified by sequence number); S3, SNS and app records arrive by
 * asynchronous invocation and can only be retried by failing the whole invocation.
 */
export interface SourceEventRecord {
  /** Kinesis sequence number, `s3://bucket/key`, SNS MessageId or `app:<function>` */
  id: string;
  kind: "kinesis" | "s3" | "sns" | "app";
}

/** Why an input could not be turned into a raw record. */
export type InputFailureReason =
  | "inflated_too_large"
  | "line_too_long"
  | "decompress_error"
  | "unsupported_record";

/** One item of the decoded input stream. */
export type InputItem =
  | {
      kind: "record";
      source: SourceEventRecord;
      raw: RawRecord;
      /** decoded payload size in bytes (metric TotalProcessedSize) */
      bytes: number;
    }
  | {
      kind: "failure";
      source: SourceEventRecord;
      service: ServiceName | "unknown";
      resource: string;
      reason: InputFailureReason;
      message: string;
      /** the start of the offending input, for the log line */
      sample: string;
    }
  | {
      /** an S3 object was read to its end */
      kind: "s3_object";
      source: SourceEventRecord;
      bucket: string;
      key: string;
      records: number;
      /** time spent waiting on S3 and decompression, excluding time spent downstream */
      downloadMs: number;
    }
  | {
      /** a source could not be read (e.g. GetObject failed); retrying the invocation may help */
      kind: "source_error";
      source: SourceEventRecord;
      message: string;
    };
