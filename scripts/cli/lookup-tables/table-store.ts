// Reading and writing one lookup table key where its driver keeps it (SPEC §4.4, the layout
// functions/shared/lookup-tables reads): the `s3` driver's table is one JSON object (optionally
// gzipped) holding every key; the `dynamodb` driver's is one item per key, `partition_key[:sort_key]`
// joined by `key_delimiter`, the value in the `value_key` attribute. Unlike the rules engine's
// drivers, errors are reported, not turned into "not found".
import { gunzipSync, gzipSync } from "node:zlib";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { awsClientConfig } from "../../../functions/shared/aws/client-config";
import type { LookupTableConfig } from "../../../functions/shared/config/types";
import { CliUsageError } from "../shared/command-action";

export interface LookupTableStore {
  /** where the table lives, for messages */
  location: string;
  /** the key's value; undefined when the table has no such key */
  get(key: string): Promise<unknown>;
  /** stores the value; returns the previous one (undefined when the key is new) */
  set(key: string, value: unknown): Promise<unknown>;
  close(): void;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function s3Store(name: string, table: LookupTableConfig, region: string): LookupTableStore {
  if (!table.bucket || !table.key) {
    throw new CliUsageError(
      `lookup_tables.json tables.${name}: the s3 driver needs bucket and key`,
    );
  }
  const { bucket, key: objectKey } = table;
  const location = `s3://${bucket}/${objectKey}`;
  const client = new S3Client(awsClientConfig("s3", { region }));

  /** The whole table, and whether it was stored gzipped; undefined when the object is missing. */
  async function load(): Promise<{ data: Record<string, unknown>; gzipped: boolean } | undefined> {
    let bytes: Uint8Array;
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      if (error instanceof Error && error.name === "NoSuchKey") return undefined;
      throw error;
    }
    const gzipped = isGzip(bytes);
    const text = (gzipped ? gunzipSync(bytes) : Buffer.from(bytes)).toString("utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(
        `${location} is not JSON; the s3 driver needs one JSON object of key → value`,
      );
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${location} is not a JSON object of key → value`);
    }
    return { data: parsed as Record<string, unknown>, gzipped };
  }

  return {
    location,
    async get(key) {
      const table = await load();
      if (!table) throw new Error(`${location} does not exist (no key has been set yet)`);
      return Object.hasOwn(table.data, key) ? table.data[key] : undefined;
    },
    async set(key, value) {
      const current = (await load()) ?? { data: {}, gzipped: false };
      const previous = Object.hasOwn(current.data, key) ? current.data[key] : undefined;
      current.data[key] = value;
      const json = Buffer.from(JSON.stringify(current.data));
      const gzip = table.compression === "gzip" || current.gzipped;
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey,
          Body: gzip ? gzipSync(json) : json,
          ContentType: "application/json",
        }),
      );
      return previous;
    },
    close: () => client.destroy(),
  };
}

function dynamoStore(name: string, table: LookupTableConfig, region: string): LookupTableStore {
  const { table: tableName, partition_key: partitionKey, value_key: valueKey } = table;
  if (!tableName || !partitionKey || !valueKey) {
    throw new CliUsageError(
      `lookup_tables.json tables.${name}: the dynamodb driver needs table, partition_key and value_key`,
    );
  }
  const delimiter = table.key_delimiter ?? ":";
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient(awsClientConfig("dynamodb", { region })),
  );

  function itemKey(key: string): Record<string, string> {
    if (!table.sort_key) return { [partitionKey as string]: key };
    const at = key.indexOf(delimiter);
    if (at <= 0 || at + delimiter.length >= key.length) {
      throw new CliUsageError(
        `table ${name} keys are <${partitionKey}>${delimiter}<${table.sort_key}>, got ${JSON.stringify(key)}`,
      );
    }
    return {
      [partitionKey as string]: key.slice(0, at),
      [table.sort_key]: key.slice(at + delimiter.length),
    };
  }

  async function read(key: string) {
    const response = await client.send(
      new GetCommand({ TableName: tableName, Key: itemKey(key), ConsistentRead: true }),
    );
    return response.Item;
  }

  return {
    location: `DynamoDB table ${tableName}`,
    async get(key) {
      return (await read(key))?.[valueKey];
    },
    async set(key, value) {
      const existing = await read(key);
      // The item's other attributes are kept; only the value attribute changes.
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...existing, ...itemKey(key), [valueKey]: value },
        }),
      );
      return existing?.[valueKey];
    },
    close: () => client.destroy(),
  };
}

export function openLookupTable(
  name: string,
  table: LookupTableConfig,
  region: string,
): LookupTableStore {
  if (table.driver === "s3") return s3Store(name, table, region);
  if (table.driver === "dynamodb") return dynamoStore(name, table, region);
  throw new CliUsageError(
    `lookup_tables.json tables.${name}: driver must be "s3" or "dynamodb", got ${JSON.stringify(table.driver)}`,
  );
}
