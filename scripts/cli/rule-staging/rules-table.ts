// The rules table `<prefix>_streamalert_rules` (SPEC §4.5), one item per rule:
// {RuleName, Staged, StagedAt, StagedUntil}, the shape functions/rules_engine/rule-staging.ts
// reads. Times are ISO 8601 UTC, as StreamAlert wrote them.
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type RuleTableItem, scanRulesTable } from "../../../functions/rules_engine/rule-staging";

/** StreamAlert's staging window for a newly staged rule. */
export const DEFAULT_STAGING_HOURS = 48;

export { scanRulesTable };

/** Stages a rule from now for `hours` (adds its item when the table has none yet). */
export async function stageRule(
  client: DynamoDBDocumentClient,
  table: string,
  ruleName: string,
  hours: number,
  now: Date,
): Promise<RuleTableItem> {
  const item = {
    RuleName: ruleName,
    Staged: true,
    StagedAt: now.toISOString(),
    StagedUntil: new Date(now.getTime() + hours * 3_600_000).toISOString(),
  };
  await client.send(
    new UpdateCommand({
      TableName: table,
      Key: { RuleName: ruleName },
      UpdateExpression: "SET Staged = :staged, StagedAt = :at, StagedUntil = :until",
      ExpressionAttributeValues: {
        ":staged": true,
        ":at": item.StagedAt,
        ":until": item.StagedUntil,
      },
    }),
  );
  return item;
}

/**
 * Takes a rule out of staging (its alerts go to all its outputs again). Returns false when the
 * table has no item for it: such a rule is not staged.
 */
export async function unstageRule(
  client: DynamoDBDocumentClient,
  table: string,
  ruleName: string,
): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: { RuleName: ruleName },
        UpdateExpression: "SET Staged = :staged",
        ConditionExpression: "attribute_exists(RuleName)",
        ExpressionAttributeValues: { ":staged": false },
      }),
    );
    return true;
  } catch (error) {
    if (
      error instanceof ConditionalCheckFailedException ||
      (error instanceof Error && error.name === "ConditionalCheckFailedException")
    ) {
      return false;
    }
    throw error;
  }
}
