// The staging digest: one SNS message listing every staged rule with its staging window, how
// long remains (or how long it is past), its alert count and a link to its alerts in Athena,
// the rules with the most alerts first.
import { partitionHour } from "./alert-queries";
import type { StagedRule } from "./staged-rules-table";

export interface RuleStatistic {
  rule: StagedRule;
  alertCount: number;
  /** promoted by this run */
  promoted: boolean;
  /** execution of the alert listing, when the rule alerted */
  listingExecutionId?: string;
}

export interface Digest {
  subject: string;
  message: string;
}

const SNS_SUBJECT_MAX = 100;

function utc(time: Date): string {
  return `${time.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** `1d 2h 3m` between two times (absolute). */
export function durationText(from: Date, to: Date): string {
  const minutes = Math.floor(Math.abs(to.getTime() - from.getTime()) / 60_000);
  return `${Math.floor(minutes / 1440)}d ${Math.floor((minutes % 1440) / 60)}h ${minutes % 60}m`;
}

export function athenaConsoleLink(region: string, executionId: string): string {
  return `https://console.aws.amazon.com/athena/home?region=${region}#query/history/${executionId}`;
}

function ruleSection(stat: RuleStatistic, now: Date, region: string): string {
  const { rule } = stat;
  const pending = rule.stagedUntil.getTime() > now.getTime();
  const lines = [
    `- ${rule.ruleName}${stat.promoted ? " (promoted now)" : ""}`,
    `    Staged at:            ${utc(rule.stagedAt)} (alerts counted from dt ${partitionHour(rule.stagedAt)})`,
    `    Staged until:         ${utc(rule.stagedUntil)}`,
    `    ${pending ? "Remaining stage time:" : "Time past staging:   "} ${durationText(now, rule.stagedUntil)}`,
    `    Alert count:          ${stat.alertCount}`,
    `    Alert info:           ${stat.listingExecutionId ? athenaConsoleLink(region, stat.listingExecutionId) : "n/a"}`,
  ];
  return lines.join("\n");
}

export function formatDigest(stats: RuleStatistic[], now: Date, region: string): Digest {
  const sorted = [...stats].sort(
    (a, b) => b.alertCount - a.alertCount || a.rule.ruleName.localeCompare(b.rule.ruleName),
  );
  const subject = `Alert statistics for ${stats.length} staged rule(s) [${utc(now)}]`;
  const message =
    sorted.length === 0
      ? "No currently staged rules to report on"
      : sorted.map((stat) => ruleSection(stat, now, region)).join("\n\n");
  return { subject: subject.slice(0, SNS_SUBJECT_MAX), message };
}
