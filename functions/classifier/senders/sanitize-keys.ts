import { sanitizeName } from "./firehose-names";

/**
 * The record with every object key sanitized (non-word characters → `_`), at any depth, as
 * Athena/Glue column names need. Unlike StreamAlert, objects inside lists are sanitized too,
 * since Glue sees their keys as struct fields as well.
 */
export function sanitizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitizeKeys);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[sanitizeName(key)] = sanitizeKeys(inner);
  return result;
}
