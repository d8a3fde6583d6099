// `log_patterns` compiled once into a predicate: every listed field must match at least one of
// its shell wildcards; a nested object of patterns applies to the nested record, and the key
// `streamalert:envelope_keys` applies to the envelope. (StreamAlert returned after the first
// nested or envelope entry and ignored the rest; SPEC §3.3 requires every field to match.)
import { ENVELOPE_KEY, type LogRecord } from "../../shared/classified-record";
import type { LogPatterns } from "../../shared/config/types";
import { compileWildcard } from "../../shared/wildcard";
import { isPlainObject } from "./python-values";

/** Compiled log_patterns: envelope checks run once per payload, before records are extracted. */
export interface CompiledLogPatterns {
  envelope?: (envelope: LogRecord | undefined) => boolean;
  record?: (record: LogRecord) => boolean;
}

type ObjectCheck = (object: Record<string, unknown>) => boolean;

/** Text a pattern can match: strings, and numbers/booleans left by casting; nothing else. */
function matchableText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function compileFieldCheck(field: string, pattern: LogPatterns[string]): ObjectCheck {
  if (isPlainObject(pattern)) {
    const nested = compileObjectPatterns(pattern as LogPatterns);
    return (object) => {
      const value = Object.hasOwn(object, field) ? object[field] : undefined;
      return isPlainObject(value) && nested(value);
    };
  }
  const regexes = (Array.isArray(pattern) ? pattern : [pattern]).map((p) =>
    compileWildcard(String(p)),
  );
  return (object) => {
    if (!Object.hasOwn(object, field)) return false;
    const text = matchableText(object[field]);
    if (text === undefined) return false;
    for (const regex of regexes) if (regex.test(text)) return true;
    return false;
  };
}

function allOf(checks: ObjectCheck[]): ObjectCheck {
  return (object) => {
    for (const check of checks) if (!check(object)) return false;
    return true;
  };
}

function compileObjectPatterns(patterns: LogPatterns): ObjectCheck {
  return allOf(
    Object.entries(patterns).map(([field, pattern]) => compileFieldCheck(field, pattern)),
  );
}

/** Nothing to check when the schema has no (or empty) log_patterns. */
export function compileLogPatterns(patterns: LogPatterns | undefined): CompiledLogPatterns {
  const compiled: CompiledLogPatterns = {};
  const recordChecks: ObjectCheck[] = [];
  for (const [field, pattern] of Object.entries(patterns ?? {})) {
    if (field !== ENVELOPE_KEY) recordChecks.push(compileFieldCheck(field, pattern));
    else if (isPlainObject(pattern)) {
      const nested = compileObjectPatterns(pattern as LogPatterns);
      compiled.envelope = (envelope) => envelope !== undefined && nested(envelope);
    } else compiled.envelope = () => false; // StreamAlert needs an object of patterns here
  }
  if (recordChecks.length > 0) compiled.record = allOf(recordChecks);
  return compiled;
}
