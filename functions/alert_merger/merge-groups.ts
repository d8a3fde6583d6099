import { type Alert, isMergeCandidate } from "../shared/alert";
import { getFirstKey } from "../shared/rules/helpers";
import { deepEqual } from "./deep-equal";

/** Caps the size of one merged alert (StreamAlert's limit). */
export const MAX_ALERTS_PER_GROUP = 50;

const MINUTE_MS = 60_000;

export function mergeWindowEnd(alert: Pick<Alert, "created" | "mergeWindowMins">): number {
  return alert.created.getTime() + alert.mergeWindowMins * MINUTE_MS;
}

/** Creation order; the id breaks ties so every run sees the same order. */
export function byCreation(left: Alert, right: Alert): number {
  const difference = left.created.getTime() - right.created.getTime();
  if (difference !== 0) return difference;
  return left.alertId < right.alertId ? -1 : left.alertId > right.alertId ? 1 : 0;
}

/**
 * Whether two alerts belong in one merged alert: both merge candidates, the newer created within
 * the older's window, the same set of merge keys, and equal first values (breadth-first, at any
 * depth) for every key. A key missing from both records counts as equal, as in StreamAlert.
 */
export function canMerge(left: Alert, right: Alert): boolean {
  if (!isMergeCandidate(left) || !isMergeCandidate(right)) return false;
  const [older, newer] = byCreation(left, right) <= 0 ? [left, right] : [right, left];
  if (newer.created.getTime() > mergeWindowEnd(older)) return false;
  const leftKeys = new Set(left.mergeByKeys);
  const rightKeys = new Set(right.mergeByKeys);
  if (leftKeys.size !== rightKeys.size) return false;
  for (const key of leftKeys) if (!rightKeys.has(key)) return false;
  for (const key of leftKeys) {
    if (!deepEqual(getFirstKey(left.record, key), getFirstKey(right.record, key))) return false;
  }
  return true;
}

/**
 * Groups merge candidates that can be merged and sent now (StreamAlert's `_merge_groups`): in
 * creation order, each alert joins the first group whose oldest alert it can merge with and
 * that has room; otherwise it starts a group, but only if its own window has closed, else it
 * waits for a later run. (StreamAlert stopped at the first such alert, so a newer alert that
 * belonged in an already closed group was split off into a second message.)
 */
export function groupMergeCandidates(alerts: readonly Alert[], now: Date): Alert[][] {
  const groups: Alert[][] = [];
  for (const alert of alerts.filter(isMergeCandidate).sort(byCreation)) {
    const group = groups.find(
      (candidate) => candidate.length < MAX_ALERTS_PER_GROUP && canMerge(candidate[0], alert),
    );
    if (group) {
      group.push(alert);
      continue;
    }
    if (now.getTime() < mergeWindowEnd(alert)) continue;
    groups.push([alert]);
  }
  return groups;
}
