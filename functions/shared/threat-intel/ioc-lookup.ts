import { BatchGetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { logger } from "../logger";

/** Which of these values are known-bad IOCs. */
export interface IocLookup {
  findKnown(values: readonly string[]): Promise<Set<string>>;
}

/** One IOC table item (written by the threat intel downloader, or a rule test fixture). */
export interface IocItem {
  ioc_value: string;
  ioc_type?: string;
  sub_type?: string;
}

export interface DynamoIocLookupOptions {
  client: DynamoDBDocumentClient;
  table: string;
  /** tries per batch while DynamoDB returns unprocessed keys; default 5 */
  maxAttempts?: number;
  /** for tests: how to wait between retries */
  sleep?: (ms: number) => Promise<void>;
}

/** BatchGetItem allows at most 100 keys per request. */
export const MAX_KEYS_PER_BATCH = 100;
// DynamoDB rejects the whole request for a key over 2048 bytes; such values are not IOCs anyway.
const MAX_KEY_BYTES = 2048;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Looks values up on the IOC table's `ioc_value` key, 100 per BatchGetItem, retrying only the
 * unprocessed keys with exponential backoff. A batch that still fails is logged and treated as
 * "not found": threat intel enriches records, it must not hold alerts of other rules back.
 */
export function createDynamoIocLookup(options: DynamoIocLookupOptions): IocLookup {
  const { client, table } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? wait;

  async function lookUpBatch(values: string[], found: Set<string>): Promise<void> {
    let pending: Array<Record<string, unknown>> = values.map((value) => ({ ioc_value: value }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const response = await client.send(
        new BatchGetCommand({
          RequestItems: { [table]: { Keys: pending, ProjectionExpression: "ioc_value" } },
        }),
      );
      for (const item of response.Responses?.[table] ?? []) {
        if (typeof item.ioc_value === "string") found.add(item.ioc_value);
      }
      pending = response.UnprocessedKeys?.[table]?.Keys ?? [];
      if (pending.length === 0) return;
      if (attempt >= maxAttempts) {
        logger.error("IOC lookup gave up on unprocessed keys", { table, keys: pending.length });
        return;
      }
      await sleep(Math.min(50 * 2 ** (attempt - 1), 2000));
    }
  }

  return {
    async findKnown(values) {
      const unique = [...new Set(values)].filter(
        (value) => value.length > 0 && Buffer.byteLength(value) <= MAX_KEY_BYTES,
      );
      const found = new Set<string>();
      const batches: Promise<void>[] = [];
      for (let start = 0; start < unique.length; start += MAX_KEYS_PER_BATCH) {
        const batch = unique.slice(start, start + MAX_KEYS_PER_BATCH);
        batches.push(
          lookUpBatch(batch, found).catch((error: unknown) => {
            logger.error("IOC lookup failed", { table, error: String(error) });
          }),
        );
      }
      await Promise.all(batches);
      return found;
    },
  };
}

/** Rule tests (`test_fixtures.threat_intel`) and the local runner: IOCs from a list. */
export function createStaticIocLookup(items: readonly IocItem[]): IocLookup {
  const known = new Set(items.map((item) => item.ioc_value));
  return {
    findKnown: async (values) => new Set(values.filter((value) => known.has(value))),
  };
}
