import type { LogRecord } from "../classified-record";
import type { Severity } from "../rules/types";

/** Every alert also goes to the alerts Firehose (historical search in Athena), even when staged. */
export const REQUIRED_OUTPUTS: readonly string[] = ["aws-firehose:alerts"];

/**
 * One alert as the functions handle it (SPEC §5). Stored in the alerts table as an
 * {@link AlertItem} (`toItem`/`fromItem`) and handed to publishers in its plain form
 * (`toPlainAlert`).
 */
export interface Alert {
  ruleName: string;
  alertId: string;
  /** dispatch attempts by the alert merger so far */
  attempts: number;
  cluster: string;
  context: Record<string, unknown>;
  created: Date;
  /** last dispatch; the Unix epoch when never dispatched */
  dispatched: Date;
  /** the log type, "cloudtrail:events" (StreamAlert's naming) */
  logSource: string;
  /** the parser, "json" (StreamAlert's naming) */
  logType: string;
  mergeByKeys: string[];
  mergeWindowMins: number;
  /** sorted, unique `service:descriptor` */
  outputs: string[];
  outputsSent: string[];
  /** output → publisher names, in order; empty = default publisher everywhere */
  publishers: Record<string, string[]>;
  record: LogRecord;
  ruleDescription: string;
  /** resource the record came from (stream, bucket, topic, app) */
  sourceEntity: string;
  /** kinesis | s3 | sns | streamalert_app */
  sourceService: string;
  staged: boolean;
  severity?: Severity;
  title?: string;
  tags?: string[];
  runbook?: string;
  /** send the first alert of a merge window at once, merge the rest */
  mergeSendFirst?: boolean;
  /**
   * set by the alert merger on the first alert of a merge window when `mergeSendFirst`: it goes
   * to every output at once and stays in the table (fully sent) until its window closes
   */
  mergeWindowOpener?: boolean;
}

/** Whether the merger groups this alert with others (merge keys and a window both set). */
export function isMergeCandidate(alert: Pick<Alert, "mergeByKeys" | "mergeWindowMins">): boolean {
  return alert.mergeByKeys.length > 0 && alert.mergeWindowMins > 0;
}

export const EPOCH = new Date(0);
