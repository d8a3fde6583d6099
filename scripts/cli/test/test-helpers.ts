// `<helper:name>` placeholders in test events (SPEC §4.6). StreamAlert replaced them inside
// objects only; lists are walked too, so a placeholder in an array of records works.

const HELPER = /<helper:(\w+)>/g;

const HELPERS: Record<string, (now: number) => string> = {
  /** epoch seconds of one minute ago: passes the `lastHour` rule helper */
  last_hour: (now) => String(Math.floor(now / 1000) - 60),
};

/** A deep copy of `value` with every known `<helper:...>` placeholder replaced. */
export function applyTestHelpers<T>(value: T, now = Date.now()): T {
  if (typeof value === "string") {
    return value.replace(HELPER, (match, name: string) => HELPERS[name]?.(now) ?? match) as T;
  }
  if (Array.isArray(value)) return value.map((v) => applyTestHelpers(v, now)) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = applyTestHelpers(v, now);
    return out as T;
  }
  return value;
}
