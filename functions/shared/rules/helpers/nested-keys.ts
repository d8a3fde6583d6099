// Key search anywhere in a nested record (StreamAlert's get_keys / get_first_key).
import { NORMALIZATION_KEY } from "../../classified-record";

/**
 * Every value stored under `key` anywhere in `data` (objects and lists, breadth-first, so
 * shallower matches come first). The normalization subtree is skipped: its type names
 * (e.g. `userName`) would otherwise shadow the record's own keys. `maxMatches > 0` stops early.
 */
export function getKeys(data: unknown, key: string, maxMatches = -1): unknown[] {
  const results: unknown[] = [];
  if (typeof data !== "object" || data === null) return results;
  // an array with a moving head is a queue without shift()'s O(n) cost
  const queue: object[] = [data];
  for (let head = 0; head < queue.length; head++) {
    const container = queue[head];
    if (Array.isArray(container)) {
      for (const value of container) {
        if (typeof value === "object" && value !== null) queue.push(value);
      }
      continue;
    }
    const obj = container as Record<string, unknown>;
    if (Object.hasOwn(obj, key)) {
      results.push(obj[key]);
      if (maxMatches > 0 && results.length === maxMatches) return results;
    }
    for (const name in obj) {
      if (name === NORMALIZATION_KEY) continue;
      const value = obj[name];
      if (typeof value === "object" && value !== null) queue.push(value);
    }
  }
  return results;
}

/** The first (shallowest) value under `key` anywhere in `data`, else `defaultValue`. */
export function getFirstKey<T = unknown>(
  data: unknown,
  key: string,
  defaultValue?: T,
): unknown | T | undefined {
  const found = getKeys(data, key, 1);
  return found.length > 0 ? found[0] : defaultValue;
}
