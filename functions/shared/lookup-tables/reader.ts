import type { S3Client } from "@aws-sdk/client-s3";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { LookupTablesConfig } from "../config/types";
import type { LookupTableReader } from "../rules/lookup-tables";
import type { Clock, LookupTableDriver } from "./driver";
import { createDynamoLookupTable } from "./dynamodb-driver";
import { createS3LookupTable } from "./s3-driver";

export class LookupTableConfigError extends Error {
  override name = "LookupTableConfigError";
}

/** A reader over named drivers: unknown table or key → the caller's default. */
export function createLookupTableReader(
  tables: ReadonlyMap<string, LookupTableDriver>,
): LookupTableReader {
  return {
    async get(table, key, defaultValue) {
      const driver = tables.get(table);
      if (!driver) return defaultValue;
      const value = await driver.get(key);
      return value === undefined ? defaultValue : value;
    },
  };
}

export interface LookupTableClients {
  s3: () => S3Client;
  dynamodb: () => DynamoDBDocumentClient;
  now?: Clock;
}

/**
 * Drivers for every table of `conf/lookup_tables.json` (none when disabled). Clients are
 * factories so a deployment with only S3 tables never creates a DynamoDB client.
 */
export function createLookupTableDrivers(
  config: LookupTablesConfig,
  clients: LookupTableClients,
): Map<string, LookupTableDriver> {
  const drivers = new Map<string, LookupTableDriver>();
  if (!config.enabled) return drivers;
  for (const [name, table] of Object.entries(config.tables)) {
    const where = `conf/lookup_tables.json: tables.${name}`;
    if (table.driver === "s3") {
      if (!table.bucket || !table.key)
        throw new LookupTableConfigError(`${where}: s3 needs bucket and key`);
      drivers.set(
        name,
        createS3LookupTable({
          client: clients.s3(),
          bucket: table.bucket,
          key: table.key,
          compression: table.compression,
          cacheRefreshMinutes: table.cache_refresh_minutes,
          now: clients.now,
        }),
      );
    } else if (table.driver === "dynamodb") {
      if (!table.table || !table.partition_key || !table.value_key) {
        throw new LookupTableConfigError(
          `${where}: dynamodb needs table, partition_key and value_key`,
        );
      }
      drivers.set(
        name,
        createDynamoLookupTable({
          client: clients.dynamodb(),
          table: table.table,
          partitionKey: table.partition_key,
          sortKey: table.sort_key,
          valueKey: table.value_key,
          keyDelimiter: table.key_delimiter,
          cacheRefreshMinutes: table.cache_refresh_minutes,
          cacheMaximumKeyCount: table.cache_maximum_key_count,
          consistentRead: table.consistent_read,
          now: clients.now,
        }),
      );
    } else {
      throw new LookupTableConfigError(
        `${where}: driver must be "s3" or "dynamodb", got ${JSON.stringify(table.driver)}`,
      );
    }
  }
  return drivers;
}

/** Rule tests (`test_fixtures.lookup_tables`): `{table: {key: value}}` in memory. */
export function createStaticLookupTableReader(
  fixtures: Record<string, Record<string, unknown>>,
): LookupTableReader {
  return {
    async get(table, key, defaultValue) {
      const values = fixtures[table];
      return values && Object.hasOwn(values, key) ? values[key] : defaultValue;
    },
  };
}
