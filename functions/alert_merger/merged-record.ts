import { type Alert, formatAlertTime } from "../shared/alert";
import { NORMALIZATION_KEY } from "../shared/classified-record";
import { getFirstKey } from "../shared/rules/helpers";
import { deepEqual } from "./deep-equal";

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The record of a merged alert (StreamAlert's format; keys sort with the most useful first):
 * `AlertCount`, `AlertTimeFirst`/`AlertTimeLast` (creation times), `MergedBy` (each merge key's
 * first value in the oldest alert, "(n/a)" when absent), `OtherCommonKeys` (what every record
 * shares, merge keys removed) and `ValueDiffs` (per alert, by creation time: what its record adds
 * to or changes from the common part). `streamalert_normalization` is left out: it carries a
 * random record id per alert and would fill the diffs with noise.
 */
export function mergedRecord(alerts: readonly Alert[]): JsonObject {
  const mergeKeys = new Set(alerts[0].mergeByKeys);
  const records = alerts.map((alert) => {
    const { [NORMALIZATION_KEY]: _normalization, ...rest } = alert.record;
    return withoutKeys(rest, mergeKeys);
  });
  const common = commonPart(records);
  const diffs: JsonObject = {};
  alerts.forEach((alert, index) => {
    diffs[uniqueKey(diffs, formatAlertTime(alert.created))] = difference(common, records[index]);
  });
  const times = alerts.map((alert) => alert.created.getTime());
  const mergedBy: JsonObject = {};
  for (const key of mergeKeys) mergedBy[key] = getFirstKey(alerts[0].record, key, "(n/a)");
  return {
    AlertCount: alerts.length,
    AlertTimeFirst: formatAlertTime(new Date(Math.min(...times))),
    AlertTimeLast: formatAlertTime(new Date(Math.max(...times))),
    MergedBy: mergedBy,
    OtherCommonKeys: common,
    ValueDiffs: diffs,
  };
}

// Two alerts created in the same millisecond would otherwise overwrite each other's diff
// (StreamAlert lost one); the later one gets a " #2" suffix.
function uniqueKey(target: JsonObject, key: string): string {
  if (!Object.hasOwn(target, key)) return key;
  let suffix = 2;
  while (Object.hasOwn(target, `${key} #${suffix}`)) suffix++;
  return `${key} #${suffix}`;
}

/** The record without `keys` at any object depth (lists are kept as they are). */
export function withoutKeys(record: JsonObject, keys: ReadonlySet<string>): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(record)) {
    if (keys.has(key)) continue;
    result[key] = isObject(value) ? withoutKeys(value, keys) : value;
  }
  return result;
}

/**
 * The largest part every record shares: a key whose value is equal everywhere is kept whole;
 * an object that differs is searched for a shared part of its own.
 */
export function commonPart(records: readonly JsonObject[]): JsonObject {
  if (records.length === 0) return {};
  if (records.length === 1) return records[0];
  const [first, ...others] = records;
  const common: JsonObject = {};
  for (const [key, value] of Object.entries(first)) {
    if (!others.every((other) => Object.hasOwn(other, key))) continue;
    if (others.every((other) => deepEqual(other[key], value))) {
      common[key] = value;
      continue;
    }
    if (isObject(value) && others.every((other) => isObject(other[key]))) {
      const nested = commonPart(records.map((record) => record[key] as JsonObject));
      if (Object.keys(nested).length > 0) common[key] = nested;
    }
  }
  return common;
}

/** What `record` has beyond `common`: keys missing from it, or values that differ. */
export function difference(common: JsonObject, record: JsonObject): JsonObject {
  if (Object.keys(common).length === 0) return record;
  const diff: JsonObject = {};
  for (const [key, value] of Object.entries(record)) {
    if (!Object.hasOwn(common, key)) {
      diff[key] = value;
      continue;
    }
    if (deepEqual(value, common[key])) continue;
    const shared = common[key];
    if (isObject(value) && isObject(shared)) {
      const nested = difference(shared, value);
      if (Object.keys(nested).length > 0) diff[key] = nested;
    } else {
      diff[key] = value;
    }
  }
  return diff;
}
