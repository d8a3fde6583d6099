// Casting of one scalar value to its schema type, as Python's int(), float(), str() and
// StreamAlert's boolean rule do it. A value that cannot be cast yields CAST_FAILED.
import { pythonStr } from "./python-values";

/** Returned when a value cannot be cast (the record is then invalid). */
export const CAST_FAILED: unique symbol = Symbol("cast failed");
export type CastResult = unknown | typeof CAST_FAILED;

// Python's int() accepts surrounding whitespace, a sign and single underscores between digits.
const INTEGER_TEXT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
// Python's float() grammar: decimal with optional exponent, or inf/infinity/nan in any case.
const DIGITS = "\\d+(?:_\\d+)*";
const FLOAT_TEXT = new RegExp(
  `^\\s*[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)\\s*$`,
  "i",
);

export function castToString(value: unknown): string {
  return pythonStr(value);
}

/** Plain ASCII digits: the common case, checked without a regex. */
function isPlainDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** int(): "7" → 7, 1.9 → 1, true → 1; "7.5", lists and objects fail. */
export function castToInteger(value: unknown): CastResult {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : CAST_FAILED;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return CAST_FAILED;
  if (isPlainDigits(value)) return Number(value); // integers past 2^53 round, as JSON numbers do
  return INTEGER_TEXT.test(value) ? Number.parseInt(value.replace(/_/g, ""), 10) : CAST_FAILED;
}

/** float(): numbers, numeric text (incl. "1e3", "inf", "nan"), true → 1; others fail. */
export function castToFloat(value: unknown): CastResult {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && FLOAT_TEXT.test(value)) {
    const text = value.trim().toLowerCase().replace(/_/g, "");
    if (text.endsWith("nan")) return Number.NaN;
    if (text.endsWith("inf") || text.endsWith("infinity")) {
      return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    }
    return Number.parseFloat(text);
  }
  return CAST_FAILED;
}

/** StreamAlert: `str(value).lower() == "true"`. */
export function castToBoolean(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  return typeof value === "string" && value.toLowerCase() === "true";
}
