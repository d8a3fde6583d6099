// The Athena statements over the `alerts` table that rule promotion runs: one compound count of
// every staged rule's alerts since it was staged, and, for the digest, one listing per rule that
// alerted (its execution id becomes a console link). Partitions are `dt = 'YYYY-MM-DD-HH'`, so
// `dt >=` the staging hour prunes the scan to the staging window.
import { sqlString } from "../shared/athena/athena-queries";
import type { StagedRule } from "./staged-rules-table";

/** `YYYY-MM-DD-HH` of a time, in UTC: the `dt` partition it falls in. */
export function partitionHour(time: Date): string {
  return time.toISOString().slice(0, 13).replace("T", "-");
}

function ruleSince(rule: StagedRule): string {
  return `(dt >= ${sqlString(partitionHour(rule.stagedAt))} AND rule_name = ${sqlString(rule.ruleName)})`;
}

/** One statement counting the alerts of every rule (rules without alerts return no row). */
export function alertCountStatement(rules: StagedRule[]): string {
  if (rules.length === 0) throw new Error("alertCountStatement needs at least one staged rule");
  return [
    "SELECT rule_name, count(*) AS count FROM alerts",
    `WHERE ${rules.map(ruleSince).join(" OR ")}`,
    "GROUP BY rule_name",
  ].join(" ");
}

/** The alerts of one rule since it was staged, newest first, for the digest's link. */
export function alertListingStatement(rule: StagedRule): string {
  return [
    "SELECT alert_id, rule_name, created, cluster, log_source, source_entity, record FROM alerts",
    `WHERE ${ruleSince(rule)}`,
    "ORDER BY created DESC",
  ].join(" ");
}

/** Counts per rule from the count statement's rows; every rule asked for gets a count. */
export function countsFromRows(
  rules: StagedRule[],
  rows: Array<Record<string, string | null>>,
): Map<string, number> {
  // A rule with no alerts has no row: that is a count of 0 (StreamAlert left it "unknown" and
  // so never promoted a rule that never alerted).
  const counts = new Map(rules.map((rule) => [rule.ruleName, 0]));
  for (const row of rows) {
    const name = row.rule_name;
    const count = Number(row.count);
    if (name && counts.has(name) && Number.isInteger(count)) counts.set(name, count);
  }
  return counts;
}
