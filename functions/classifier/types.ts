import type { ClassifiedRecord } from "../shared/classified-record";
import type { ServiceName } from "../shared/config/types";

/**
 * One raw record as the input layer hands it to the classifier core: a Kinesis record's
 * decoded payload, one S3 line (or the whole object when it is one JSON document), an SNS
 * message, or one app log.
 */
export interface RawRecord {
  service: ServiceName;
  /** stream, bucket, topic or app function name */
  resource: string;
  /** decoded text, or an already-parsed object (app logs) */
  data: string | Record<string, unknown>;
}

export type ClassifyOutcome =
  | {
      ok: true;
      records: ClassifiedRecord[];
      /**
       * Candidates of the winning schema that did not validate (e.g. one bad element of a
       * json_path list); StreamAlert counted them as failed parses. Absent when 0.
       */
      invalid?: number;
    }
  /** reason: "unknown_resource" (service/resource not in this cluster's data_sources) or "no_match" */
  | { ok: false; reason: "unknown_resource" | "no_match"; message: string };

/** The classifier core for one cluster, compiled once at cold start. */
export interface Classifier {
  readonly cluster: string;
  classify(raw: RawRecord): ClassifyOutcome;
}
