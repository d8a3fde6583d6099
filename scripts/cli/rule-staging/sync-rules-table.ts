// After a deploy with rule staging on, the rules table follows the rules on disk, as StreamAlert's
// deploy did: a rule new to the table is added staged (its alerts go only to the staging outputs
// until promoted or StagedUntil passes), unless --skip-rule-staging; a rule no longer on disk
// loses its item. Rules already in the table keep their staging state.
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { DEFAULT_STAGING_HOURS, scanRulesTable } from "./rules-table";

export interface RulesTableSync {
  added: string[];
  removed: string[];
}

export interface SyncOptions {
  now: Date;
  /** add new rules unstaged (StreamAlert's --skip-rule-staging) @default false */
  skipStaging?: boolean;
  /** @default 48 */
  hours?: number;
}

export async function syncRulesTable(
  client: DynamoDBDocumentClient,
  table: string,
  ruleNames: readonly string[],
  options: SyncOptions,
): Promise<RulesTableSync> {
  const local = new Set(ruleNames);
  const existing = new Set((await scanRulesTable(client, table)).map((item) => item.RuleName));
  const added = [...local].filter((name) => !existing.has(name)).sort();
  const removed = [...existing].filter((name) => !local.has(name)).sort();
  const until = new Date(
    options.now.getTime() + (options.hours ?? DEFAULT_STAGING_HOURS) * 3_600_000,
  );
  for (const name of added) {
    const staged = options.skipStaging !== true;
    await client
      .send(
        new PutCommand({
          TableName: table,
          Item: staged
            ? {
                RuleName: name,
                Staged: true,
                StagedAt: options.now.toISOString(),
                StagedUntil: until.toISOString(),
              }
            : { RuleName: name, Staged: false },
          // a rule staged by hand between the scan and now keeps its state
          ConditionExpression: "attribute_not_exists(RuleName)",
        }),
      )
      .catch((error: Error) => {
        if (error.name !== "ConditionalCheckFailedException") throw error;
      });
  }
  for (const name of removed) {
    await client.send(new DeleteCommand({ TableName: table, Key: { RuleName: name } }));
  }
  return { added, removed };
}
