type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Visits every object inside `root` (itself included, then breadth-first through objects and
 * lists), handing each to `visit`, which may change it in place before its children are queued.
 */
export function forEachObject(root: unknown, visit: (object: JsonObject) => void): void {
  const queue: unknown[] = [root];
  for (let head = 0; head < queue.length; head++) {
    const value = queue[head];
    if (Array.isArray(value)) {
      queue.push(...value);
    } else if (isJsonObject(value)) {
      visit(value);
      queue.push(...Object.values(value));
    }
  }
}

/** JSON with object keys sorted at every depth (Python's `json.dumps(sort_keys=True)`). */
export function sortedJson(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

/** Slack's and HTML's three special characters (Python's `html.escape(text, quote=False)`). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
