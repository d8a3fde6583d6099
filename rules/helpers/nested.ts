// Safe navigation into nested JSON records for rules: a missing or mistyped level gives an
// empty object or list instead of a TypeError.

/** The object at `path` below `value`, or `{}`. */
export function objectAt(value: unknown, ...path: string[]): Record<string, unknown> {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return {};
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "object" && current !== null && !Array.isArray(current)
    ? (current as Record<string, unknown>)
    : {};
}

/** A list at `path` below `value`, or `[]`. */
export function listAt(value: unknown, ...path: string[]): unknown[] {
  const last = path[path.length - 1];
  const parent = objectAt(value, ...path.slice(0, -1));
  const list = last === undefined ? value : parent[last];
  return Array.isArray(list) ? list : [];
}
