// StreamAlert decides "present" and "textual" the Python way: its parsers skip falsy values
// (`if not value`) and turn values into text with `str()`. These helpers reproduce both for
// JSON values, so records classify as they did in StreamAlert.

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether `object[key]` can answer from Object.prototype when a JSON object lacks the key
 * ("constructor", "toString", "__proto__", ...): worked out once per key, when compiling.
 */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}

/**
 * The object's own value for `key`, undefined when it has none (JSON has no undefined value):
 * one lookup, plus an ownership check only for the keys `isInheritedName` gave `inherited`.
 */
export function ownValue(
  object: Record<string, unknown>,
  key: string,
  inherited: boolean,
): unknown {
  if (inherited && !Object.hasOwn(object, key)) return undefined;
  return object[key];
}

/** Python truthiness of a JSON value: `None`, `False`, `0`, `""`, `[]` and `{}` are falsy. */
export function isPythonFalsy(value: unknown): boolean {
  if (!value) return true;
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) return value.length === 0;
  for (const _key in value) return false;
  return true;
}

/**
 * Python's `str()` of a JSON value, except that objects and lists become JSON text (a
 * deliberate difference from Python's repr, SPEC §3.3). Booleans keep Python's spelling.
 */
export function pythonStr(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? "True" : "False";
    case "number":
      return String(value);
    default:
      return value === null || value === undefined ? "None" : JSON.stringify(value);
  }
}
