// The normalization result StreamAlert v3 writes and its rules engine reads:
// `streamalert_normalization: {type: [{function, values, send_to_artifacts?}], streamalert_record_id}`.

import type { NormalizationJson } from "./json-writer";

export interface NormalizedValues {
  /** what the value is, e.g. "source ip address"; null when the schema does not say */
  function: string | null;
  /** the value as text, or the list as found */
  values: unknown[];
  /** only present (false) when the schema opts the value out of the artifact extractor */
  send_to_artifacts?: false;
}

/** The key of the block's random record id, next to its types. */
export const RECORD_ID_KEY = "streamalert_record_id";

/** Normalized type → the values found for it (types with no values are left out). */
export type NormalizedTypes = Record<string, NormalizedValues[]>;

/**
 * Adds what it finds in `record` to `found` (and its JSON to `json`, when it writes one);
 * returns whether it found anything.
 */
export type CollectNormalized = (
  record: Record<string, unknown>,
  found: NormalizedTypes,
  json?: NormalizationJson,
) => boolean;

/**
 * Adds `entry` to the list of `type`, always an own key of `found` ("constructor" too), and
 * returns that list.
 */
export function addNormalized(
  found: NormalizedTypes,
  type: string,
  entry: NormalizedValues,
): NormalizedValues[] {
  const list = found[type];
  if (list !== undefined && Object.hasOwn(found, type)) {
    list.push(entry);
    return list;
  }
  const created = [entry];
  if (type === "__proto__") {
    Object.defineProperty(found, type, {
      value: created,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else found[type] = created;
  return created;
}
