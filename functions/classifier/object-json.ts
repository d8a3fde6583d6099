// JSON text of plain values without JSON.stringify where the text is plain: Node 20's
// JSON.stringify costs about 120 ns per key, so short plain strings and numbers are written
// directly. Anything else still goes through JSON.stringify: the text always parses to the same
// value.

/**
 * A character JSON.stringify would escape (a surrogate may be half of a pair: not plain either),
 * for testing a whole text at once; isPlainJsonString tests the same characters one by one.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes control characters
export const NEEDS_JSON_ESCAPE = /["\\\x00-\x1f\ud800-\udfff]/;

/** A short string JSON.stringify would only put in quotes (no escapes, no lone surrogates). */
export function isPlainJsonString(text: string): boolean {
  if (text.length > 256) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff))
      return false;
  }
  return true;
}

/** JSON.stringify of one value; short plain strings, numbers and lists of them written directly. */
export function valueJson(value: unknown): string | undefined {
  if (typeof value === "string")
    return isPlainJsonString(value) ? `"${value}"` : JSON.stringify(value);
  if (typeof value === "number" && Number.isFinite(value)) return `${value}`;
  if (Array.isArray(value)) return valuesJson(value);
  return JSON.stringify(value);
}

/** JSON of a list: the common list of short plain strings without JSON.stringify. */
export function valuesJson(values: unknown[]): string {
  let out = "[";
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== "string" || !isPlainJsonString(value)) return JSON.stringify(values);
    out += index === 0 ? `"${value}"` : `,"${value}"`;
  }
  return `${out}]`;
}
