// `log_patterns` compiled once into a predicate: every listed field must match at least one of
// its shell wildcards; a nested object of patterns applies to the nested record, and the key
// `streamalert:envelope_keys` applies to the envelope. (StreamAlert returned after the first
// nested or envelope entry and ignored the rest; SPEC §3.3 requires every field to match.)
import { ENVELOPE_KEY, type LogRecord } from "../../shared/classified-record";
import type { LogPatterns } from "../../shared/config/types";
import { compileWildcard } from "../../shared/wildcard";
import { isPlainObject } from "./python-values";

export type LogPatternCheck = (record: LogRecord, envelope: LogRecord | undefined) => boolean;

type FieldCheck = (record: Record<string, unknown>, envelope: LogRecord | undefined) => boolean;

/** Text a pattern can match: strings, and numbers/booleans left by casting; nothing else. */
function matchableText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function compileObjectPatterns(patterns: LogPatterns): FieldCheck {
  const checks: FieldCheck[] = [];
  for (const [field, pattern] of Object.entries(patterns)) {
    if (field === ENVELOPE_KEY && isPlainObject(pattern)) {
      const nested = compileObjectPatterns(pattern as LogPatterns);
      checks.push((_record, envelope) => envelope !== undefined && nested(envelope, undefined));
    } else if (isPlainObject(pattern)) {
      const nested = compileObjectPatterns(pattern as LogPatterns);
      checks.push((record) => {
        const value = Object.hasOwn(record, field) ? record[field] : undefined;
        return isPlainObject(value) && nested(value, undefined);
      });
    } else {
      const regexes = (Array.isArray(pattern) ? pattern : [pattern]).map((p) =>
        compileWildcard(String(p)),
      );
      checks.push((record) => {
        if (!Object.hasOwn(record, field)) return false;
        const text = matchableText(record[field]);
        if (text === undefined) return false;
        for (const regex of regexes) if (regex.test(text)) return true;
        return false;
      });
    }
  }
  return (record, envelope) => {
    for (const check of checks) if (!check(record, envelope)) return false;
    return true;
  };
}

/** undefined when the schema has no (or empty) log_patterns: nothing to check. */
export function compileLogPatterns(patterns: LogPatterns | undefined): LogPatternCheck | undefined {
  if (!patterns || Object.keys(patterns).length === 0) return undefined;
  return compileObjectPatterns(patterns);
}
