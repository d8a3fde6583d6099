import type { Alert } from "../shared/alert";
import { itemJson } from "./dispatch";
import { mergeAlerts } from "./merged-alert";

/** DynamoDB stores items up to 400 KB; this leaves room for attribute names and overhead. */
export const MAX_MERGED_ITEM_BYTES = 380_000;

/**
 * The merged alerts for one group, each small enough to store: a group whose merged item would
 * be too large is split in halves (in creation order) until every part fits, instead of failing
 * the rule on every run. A single member always fits: it was stored once already.
 */
export function mergeToFit(
  group: readonly Alert[],
  now: Date,
  maxBytes = MAX_MERGED_ITEM_BYTES,
): Array<{ merged: Alert; members: readonly Alert[] }> {
  const merged = mergeAlerts(group, now);
  if (group.length === 1 || Buffer.byteLength(itemJson(merged), "utf8") <= maxBytes) {
    return [{ merged, members: group }];
  }
  const half = Math.ceil(group.length / 2);
  return [
    ...mergeToFit(group.slice(0, half), now, maxBytes),
    ...mergeToFit(group.slice(half), now, maxBytes),
  ];
}
