import { type DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../shared/lookup-tables";

/** Which rules are staged (SPEC §4.5): their alerts go only to the required outputs. */
export interface RuleStaging {
  isStaged(ruleName: string): boolean;
  /** reload when the cache is older than `cache_refresh_minutes`; cheap otherwise */
  refreshIfDue(): Promise<void>;
}

/** One item of the `<prefix>_streamalert_rules` table. */
export interface RuleTableItem {
  RuleName: string;
  Staged?: boolean;
  StagedAt?: string;
  StagedUntil?: string;
}

/** Every item of the rules table, sorted by rule name (a consistent scan: it is small). */
export async function scanRulesTable(
  client: DynamoDBDocumentClient,
  table: string,
): Promise<RuleTableItem[]> {
  const items: RuleTableItem[] = [];
  for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      if (typeof item.RuleName !== "string") continue;
      items.push({
        RuleName: item.RuleName,
        Staged: item.Staged === true,
        StagedAt: typeof item.StagedAt === "string" ? item.StagedAt : undefined,
        StagedUntil: typeof item.StagedUntil === "string" ? item.StagedUntil : undefined,
      });
    }
  }
  return items.sort((a, b) => a.RuleName.localeCompare(b.RuleName));
}

export interface DynamoRuleStagingOptions {
  client: DynamoDBDocumentClient;
  table: string;
  cacheRefreshMinutes?: number;
  now?: Clock;
  onError?: (error: unknown) => void;
}

// After a failed first load, try again on the next batch after this long.
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * Reads the rules table (a scan: it holds one small item per rule) and caches the staged set.
 * A failed refresh keeps the previous set; before the first successful load no rule counts as
 * staged, so a rules-table outage delays staging rather than dropping detections.
 */
export function createDynamoRuleStaging(options: DynamoRuleStagingOptions): RuleStaging {
  const now = options.now ?? Date.now;
  const refreshMs = (options.cacheRefreshMinutes ?? 10) * 60_000;
  let staged = new Set<string>();
  let loaded = false;
  let nextRefreshAt = 0;

  return {
    isStaged: (ruleName) => staged.has(ruleName),
    async refreshIfDue() {
      if (now() < nextRefreshAt) return;
      try {
        const next = new Set<string>();
        const pages = paginateScan(
          { client: options.client },
          { TableName: options.table, ProjectionExpression: "RuleName, Staged" },
        );
        for await (const page of pages) {
          for (const item of page.Items ?? []) {
            if (item.Staged === true && typeof item.RuleName === "string") next.add(item.RuleName);
          }
        }
        staged = next;
        loaded = true;
        nextRefreshAt = now() + refreshMs;
      } catch (error) {
        options.onError?.(error);
        nextRefreshAt = now() + (loaded ? refreshMs : RETRY_AFTER_FAILURE_MS);
      }
    },
  };
}

/** Tests and the CLI: a fixed set of staged rules. */
export function createStaticRuleStaging(stagedRules: Iterable<string>): RuleStaging {
  const staged = new Set(stagedRules);
  return { isStaged: (name) => staged.has(name), refreshIfDue: async () => undefined };
}
