import { createHash } from "node:crypto";

/** Firehose delivery stream names are at most 64 characters. */
export const FIREHOSE_NAME_MAX_LENGTH = 64;
const HASH_LENGTH = 8;

/** Non-word characters become `_` (StreamAlert's sanitizing, for stream names and record keys). */
export function sanitizeName(value: string): string {
  return value.replace(/\W/g, "_");
}

/**
 * The delivery stream of one log type: `<prefix>_streamalert_<log_type>` (no prefix part when
 * `prefix` is empty), non-word characters → `_`. A name over 64 characters is cut and ends with
 * `_` + 8 hex characters of the SHA-256 of the full name, so two long log types that share their
 * first 55 characters still get different streams.
 */
export function firehoseStreamName(prefix: string, logType: string): string {
  const full = sanitizeName(`${prefix ? `${prefix}_` : ""}streamalert_${logType}`);
  if (full.length <= FIREHOSE_NAME_MAX_LENGTH) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, HASH_LENGTH);
  return `${full.slice(0, FIREHOSE_NAME_MAX_LENGTH - HASH_LENGTH - 1)}_${hash}`;
}

/**
 * Whether records of a log type go to Firehose: `firehose.enabled` and the log type, or its
 * family (`"osquery"` covers every `osquery:*`), is a key of `firehose.enabled_logs`.
 */
export function firehoseLogFilter(firehose: {
  enabled?: boolean;
  enabled_logs?: Record<string, unknown>;
}): (logType: string) => boolean {
  if (!firehose.enabled) return () => false;
  const keys = new Set(Object.keys(firehose.enabled_logs ?? {}));
  return (logType) => keys.has(logType) || keys.has(logType.split(":")[0]);
}
