// Rule promotion's core (SPEC §4.5): count each staged rule's alerts since it was staged, promote
// the rules whose staging window has passed with no more alerts than allowed, and on the digest
// schedule publish the staging digest. Collaborators are interfaces, so tests and the handler
// plug in DynamoDB, Athena and SNS (or fakes).
import type { Logger } from "@aws-lambda-powertools/logger";
import { type Digest, formatDigest, type RuleStatistic } from "./digest";
import type { StagedRule, StagedRulesTable } from "./staged-rules-table";

export interface AlertStatistics {
  /** alert count per rule since its staging hour; rejects when the count could not be made */
  countAlerts(rules: StagedRule[]): Promise<Map<string, number>>;
  /** starts (without waiting) the listing of one rule's alerts; resolves with its execution id */
  startListing(rule: StagedRule): Promise<string>;
}

export type PromoterLogger = Pick<Logger, "info" | "warn">;

export interface PromoterOptions {
  table: StagedRulesTable;
  alerts: AlertStatistics;
  publishDigest: (digest: Digest) => Promise<void>;
  logger: PromoterLogger;
  /** region of the Athena console links */
  region: string;
  /** a rule with more alerts than this stays staged @default 0 */
  maxAlertsToPromote?: number;
}

export interface PromotionRun {
  now: Date;
  sendDigest: boolean;
}

export interface PromotionSummary {
  staged: number;
  promoted: string[];
  /** past their window but with too many alerts */
  keptStaged: string[];
  digestSent: boolean;
}

export async function promoteStagedRules(
  options: PromoterOptions,
  run: PromotionRun,
): Promise<PromotionSummary> {
  const { logger } = options;
  const { now } = run;
  const rules = await options.table.stagedRules();
  if (rules.length === 0) {
    logger.info("no staged rules: nothing to promote, no digest to send");
    return { staged: 0, promoted: [], keptStaged: [], digestSent: false };
  }
  const counts = await options.alerts.countAlerts(rules);
  const maxAlerts = options.maxAlertsToPromote ?? 0;
  const stats: RuleStatistic[] = [];
  const promoted: string[] = [];
  const keptStaged: string[] = [];
  for (const rule of rules) {
    const alertCount = counts.get(rule.ruleName) ?? 0;
    const stat: RuleStatistic = { rule, alertCount, promoted: false };
    stats.push(stat);
    if (now.getTime() <= rule.stagedUntil.getTime()) continue;
    if (alertCount > maxAlerts) {
      keptStaged.push(rule.ruleName);
      logger.warn("staging window over, but the rule alerted: it stays staged", {
        rule: rule.ruleName,
        alertCount,
        maxAlertsToPromote: maxAlerts,
      });
      continue;
    }
    if (await options.table.promote(rule)) {
      stat.promoted = true;
      promoted.push(rule.ruleName);
      logger.info("rule promoted", { rule: rule.ruleName, alertCount });
    } else {
      logger.warn("rule changed since it was read (re-staged or removed); not promoted", {
        rule: rule.ruleName,
      });
    }
  }
  if (!run.sendDigest) return { staged: rules.length, promoted, keptStaged, digestSent: false };

  for (const stat of stats) {
    if (stat.alertCount === 0) continue;
    try {
      stat.listingExecutionId = await options.alerts.startListing(stat.rule);
    } catch (error) {
      // The digest still goes out; this rule's link just reads n/a.
      logger.warn("could not start the alert listing for the digest", {
        rule: stat.rule.ruleName,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await options.publishDigest(formatDigest(stats, now, options.region));
  logger.info("staging digest sent", { rules: stats.length });
  return { staged: rules.length, promoted, keptStaged, digestSent: true };
}
