// The rules table `<prefix>_streamalert_rules` as rule promotion uses it: list the staged rules,
// and promote one (Staged → false) only if nobody re-staged it since it was read.
import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type RuleTableItem, scanRulesTable } from "../rules_engine/rule-staging";

const DEFAULT_WINDOW_MS = 48 * 3_600_000;

/** A staged rule with the window it is staged for. */
export interface StagedRule {
  ruleName: string;
  stagedAt: Date;
  stagedUntil: Date;
  /** StagedUntil exactly as stored: promotion is conditional on it */
  stagedUntilText: string;
}

export interface StagedRulesTable {
  stagedRules(): Promise<StagedRule[]>;
  /** false when the rule changed since it was read (re-staged, unstaged, deleted) */
  promote(rule: StagedRule): Promise<boolean>;
}

/**
 * The staged rules of the table's items, sorted by name. Items without a readable StagedUntil
 * cannot be promoted and are reported through `onInvalid`. A missing StagedAt is taken as 48 hours
 * (StreamAlert's staging window) before StagedUntil, so alerts are counted over a full window.
 */
export function stagedRulesOf(
  items: RuleTableItem[],
  onInvalid: (ruleName: string, reason: string) => void = () => undefined,
): StagedRule[] {
  const rules: StagedRule[] = [];
  for (const item of items) {
    if (item.Staged !== true) continue;
    const until = item.StagedUntil ? new Date(item.StagedUntil) : undefined;
    if (!until || Number.isNaN(until.getTime())) {
      onInvalid(item.RuleName, `StagedUntil ${JSON.stringify(item.StagedUntil)} is not a time`);
      continue;
    }
    const at = item.StagedAt ? new Date(item.StagedAt) : undefined;
    rules.push({
      ruleName: item.RuleName,
      stagedAt:
        at && !Number.isNaN(at.getTime()) ? at : new Date(until.getTime() - DEFAULT_WINDOW_MS),
      stagedUntil: until,
      stagedUntilText: item.StagedUntil as string,
    });
  }
  return rules.sort((a, b) => a.ruleName.localeCompare(b.ruleName));
}

export function createDynamoStagedRulesTable(
  client: DynamoDBDocumentClient,
  table: string,
  onInvalid?: (ruleName: string, reason: string) => void,
): StagedRulesTable {
  return {
    async stagedRules() {
      const items = await scanRulesTable(client, table);
      return stagedRulesOf(items, onInvalid);
    },
    async promote(rule) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { RuleName: rule.ruleName },
            UpdateExpression: "SET Staged = :promoted",
            ConditionExpression: "Staged = :staged AND StagedUntil = :until",
            ExpressionAttributeValues: {
              ":promoted": false,
              ":staged": true,
              ":until": rule.stagedUntilText,
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === "ConditionalCheckFailedException") {
          return false;
        }
        throw error;
      }
    },
  };
}
