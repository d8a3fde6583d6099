import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  paginateQuery,
  paginateScan,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { AlertKey, DispatchMark, MergerAlertTable } from "./alert-table";

export interface DynamoMergerTableOptions {
  client: DynamoDBDocumentClient;
  table: string;
  /** tries of one batch delete while DynamoDB leaves items unprocessed; default 8 */
  maxBatchAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** DynamoDB allows 25 requests per BatchWriteItem. */
const BATCH_SIZE = 25;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDynamoMergerTable(options: DynamoMergerTableOptions): MergerAlertTable {
  const { client, table } = options;
  const maxBatchAttempts = options.maxBatchAttempts ?? 8;
  const sleep = options.sleep ?? wait;

  return {
    async *ruleNames() {
      const seen = new Set<string>();
      // Only the hash key is read; names may repeat across pages, so they are de-duplicated.
      const pages = paginateScan(
        { client },
        { TableName: table, ProjectionExpression: "RuleName", ConsistentRead: false },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const name = item.RuleName;
          if (typeof name !== "string" || seen.has(name)) continue;
          seen.add(name);
          yield name;
        }
      }
    },

    async *alertItems(ruleName) {
      // Consistent: the processor's latest OutputsSent and deletions must be visible.
      const pages = paginateQuery(
        { client },
        {
          TableName: table,
          KeyConditionExpression: "RuleName = :rule",
          ExpressionAttributeValues: { ":rule": ruleName },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) yield* page.Items ?? [];
    },

    async markDispatched(key: AlertKey, mark: DispatchMark) {
      const values: Record<string, unknown> = {
        ":attempts": mark.attempts,
        ":dispatched": mark.dispatched,
      };
      let update = "SET Attempts = :attempts, Dispatched = :dispatched";
      if (mark.opener) {
        update += ", MergeWindowOpener = :opener";
        values[":opener"] = true;
      }
      let condition = "attribute_exists(AlertID) AND attribute_not_exists(Dispatched)";
      if (mark.previousDispatched !== undefined) {
        condition = "attribute_exists(AlertID) AND Dispatched = :previous";
        values[":previous"] = mark.previousDispatched;
      }
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: key,
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async putNew(item) {
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: { ...item },
            ConditionExpression: "attribute_not_exists(AlertID)",
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async deleteAll(keys) {
      for (let start = 0; start < keys.length; start += BATCH_SIZE) {
        let requests = keys
          .slice(start, start + BATCH_SIZE)
          .map((key) => ({ DeleteRequest: { Key: { ...key } } }));
        for (let attempt = 1; requests.length > 0; attempt++) {
          if (attempt > maxBatchAttempts) {
            throw new Error(
              `${requests.length} alert deletions left unprocessed after ${maxBatchAttempts} tries`,
            );
          }
          if (attempt > 1) await sleep(Math.random() * Math.min(50 * 2 ** attempt, 5000));
          const response = await client.send(
            new BatchWriteCommand({ RequestItems: { [table]: requests } }),
          );
          requests = (response.UnprocessedItems?.[table] ?? []).flatMap((request) =>
            request.DeleteRequest?.Key
              ? [{ DeleteRequest: { Key: request.DeleteRequest.Key as AlertKey } }]
              : [],
          );
        }
      }
    },
  };
}

function isConditionFailure(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: string }).name === "ConditionalCheckFailedException"
  );
}
