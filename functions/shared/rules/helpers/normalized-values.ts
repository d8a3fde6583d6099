// Values the classifier extracted for a normalized type (SPEC §3.5), read from
// `record.streamalert_normalization = {type: [{function, values: [...]}], ...}`.
import { NORMALIZATION_KEY } from "../../classified-record";

/**
 * The distinct values of normalized type `type` (e.g. "sourceAddress") in `record`, in first-seen
 * order; empty when the record carries none.
 */
export function valuesForNormalizedType(record: unknown, type: string): unknown[] {
  if (typeof record !== "object" || record === null) return [];
  const normalization = (record as Record<string, unknown>)[NORMALIZATION_KEY];
  if (typeof normalization !== "object" || normalization === null) return [];
  const entries = (normalization as Record<string, unknown>)[type];
  if (!Array.isArray(entries)) return [];
  const values = new Set<unknown>();
  for (const entry of entries) {
    const entryValues = (entry as { values?: unknown } | null)?.values;
    if (Array.isArray(entryValues)) for (const value of entryValues) values.add(value);
  }
  return [...values];
}
