import { type Alert, EPOCH, uuidFromParts } from "../shared/alert";
import type { Severity } from "../shared/rules/types";
import { byCreation } from "./merge-groups";
import { mergedRecord } from "./merged-record";

const SEVERITY_ORDER: readonly Severity[] = ["info", "low", "medium", "high", "critical"];

/**
 * One new alert standing for `members` (same rule, already grouped). Its id derives from the
 * member ids, so a merger run that is retried after writing it finds it instead of writing a
 * second one. Outputs are the union of the members' (StreamAlert kept only the newest member's);
 * it has no merge settings, so it is sent and deleted like any single alert. Descriptive fields
 * come from the oldest member, as in StreamAlert; severity is the highest of any member.
 */
export function mergeAlerts(members: readonly Alert[], now: Date): Alert {
  const alerts = [...members].sort(byCreation);
  const first = alerts[0];
  const context: Record<string, unknown> = {};
  for (const alert of alerts) context[alert.alertId] = alert.context;
  const merged: Alert = {
    ruleName: first.ruleName,
    alertId: uuidFromParts(["merged", first.ruleName, ...alerts.map((alert) => alert.alertId)]),
    attempts: 0,
    cluster: first.cluster,
    context,
    created: now,
    dispatched: EPOCH,
    logSource: first.logSource,
    logType: first.logType,
    mergeByKeys: [],
    mergeWindowMins: 0,
    outputs: [...new Set(alerts.flatMap((alert) => alert.outputs))].sort(),
    outputsSent: [],
    publishers: first.publishers,
    record: mergedRecord(alerts),
    ruleDescription: first.ruleDescription,
    sourceEntity: first.sourceEntity,
    sourceService: first.sourceService,
    staged: alerts.some((alert) => alert.staged),
  };
  const severity = highestSeverity(alerts);
  if (severity) merged.severity = severity;
  if (first.title) merged.title = first.title;
  if (first.tags) merged.tags = first.tags;
  if (first.runbook) merged.runbook = first.runbook;
  return merged;
}

function highestSeverity(alerts: readonly Alert[]): Severity | undefined {
  let highest: Severity | undefined;
  for (const { severity } of alerts) {
    if (!severity) continue;
    if (!highest || SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(highest)) {
      highest = severity;
    }
  }
  return highest;
}
