// Writes IOC items to the IOC table: BatchWriteItem in batches of 25, an IOC value written once
// per batch (DynamoDB refuses duplicate keys in one batch; the table's key is ioc_value), and
// unprocessed items resent with a growing pause until they are written or the attempts run out.
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import type { IocItem } from "./ioc-items";

export interface IocWriter {
  write(items: IocItem[]): Promise<void>;
}

const BATCH_SIZE = 25;

type BatchWriteRequests = NonNullable<BatchWriteCommandInput["RequestItems"]>[string];

export interface DynamoIocWriterOptions {
  client: DynamoDBDocumentClient;
  table: string;
  /** @default 8 */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function createDynamoIocWriter(options: DynamoIocWriterOptions): IocWriter {
  const attempts = options.attempts ?? 8;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const { table } = options;

  async function writeBatch(items: IocItem[]) {
    let requests: BatchWriteRequests = items.map((item) => ({ PutRequest: { Item: { ...item } } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      const answer = await options.client.send(
        new BatchWriteCommand({ RequestItems: { [table]: requests } }),
      );
      requests = answer.UnprocessedItems?.[table] ?? [];
      if (requests.length === 0) return;
      if (attempt >= attempts) {
        throw new Error(
          `IOC table ${table} left ${requests.length} item(s) unprocessed after ${attempts} attempts; the next run writes them again`,
        );
      }
      await sleep(Math.min(50 * 2 ** attempt, 5000));
    }
  }

  return {
    async write(items) {
      // Last occurrence wins, as it would with separate puts.
      const unique = [...new Map(items.map((item) => [item.ioc_value, item])).values()];
      for (let start = 0; start < unique.length; start += BATCH_SIZE) {
        await writeBatch(unique.slice(start, start + BATCH_SIZE));
      }
    },
  };
}
