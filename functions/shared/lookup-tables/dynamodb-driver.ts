import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { logger } from "../logger";
import { type Clock, DEFAULT_CACHE_REFRESH_MINUTES, type LookupTableDriver } from "./driver";

export interface DynamoLookupTableOptions {
  client: DynamoDBDocumentClient;
  table: string;
  partitionKey: string;
  sortKey?: string;
  valueKey: string;
  /** between partition and sort key values in a lookup key; default ":" */
  keyDelimiter?: string;
  cacheRefreshMinutes?: number;
  /** keys kept in memory (least recently used dropped first); default 1000 */
  cacheMaximumKeyCount?: number;
  consistentRead?: boolean;
  now?: Clock;
}

interface CachedValue {
  value: unknown;
  expiresAt: number;
}

/**
 * The `dynamodb` driver: one GetItem per key (`partition[:sort]`), the `value_key` attribute is
 * the value. Values (and misses) are cached per key for `cache_refresh_minutes`, at most
 * `cache_maximum_key_count` keys. A failed read returns "not found" and is not cached.
 */
export function createDynamoLookupTable(options: DynamoLookupTableOptions): LookupTableDriver {
  const now = options.now ?? Date.now;
  const ttlMs = (options.cacheRefreshMinutes ?? DEFAULT_CACHE_REFRESH_MINUTES) * 60_000;
  const maxKeys = Math.max(1, options.cacheMaximumKeyCount ?? 1000);
  const delimiter = options.keyDelimiter ?? ":";
  const cache = new Map<string, CachedValue>();
  const inFlight = new Map<string, Promise<unknown>>();

  function tableKey(key: string): Record<string, string> | undefined {
    if (options.sortKey === undefined) return { [options.partitionKey]: key };
    const at = key.indexOf(delimiter);
    if (at < 0) return undefined;
    return {
      [options.partitionKey]: key.slice(0, at),
      [options.sortKey]: key.slice(at + delimiter.length),
    };
  }

  async function read(key: string): Promise<unknown> {
    const Key = tableKey(key);
    if (Key === undefined || Object.values(Key).some((part) => part.length === 0)) return undefined;
    try {
      const response = await options.client.send(
        new GetCommand({
          TableName: options.table,
          Key,
          ProjectionExpression: "#value",
          ExpressionAttributeNames: { "#value": options.valueKey },
          ConsistentRead: options.consistentRead ?? false,
        }),
      );
      const value = response.Item?.[options.valueKey];
      remember(key, value);
      return value;
    } catch (error) {
      logger.error("Lookup table read failed", { table: options.table, key, error: String(error) });
      return undefined;
    }
  }

  function remember(key: string, value: unknown): void {
    cache.delete(key);
    cache.set(key, { value, expiresAt: now() + ttlMs });
    while (cache.size > maxKeys) cache.delete(cache.keys().next().value as string);
  }

  return {
    get(key) {
      const cached = cache.get(key);
      if (cached && cached.expiresAt > now()) {
        cache.delete(key);
        cache.set(key, cached);
        return Promise.resolve(cached.value);
      }
      let pending = inFlight.get(key);
      if (!pending) {
        pending = read(key).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
