import type { FileIssues } from "./issue-log";
import { ObjectReader } from "./object-reader";
import type { LookupTableConfig, LookupTablesConfig } from "./types";

const COMMON_KEYS = ["driver", "cache_refresh_minutes"];
const S3_KEYS = ["bucket", "key", "compression"];
const DYNAMODB_KEYS = [
  "table",
  "partition_key",
  "sort_key",
  "value_key",
  "key_delimiter",
  "cache_maximum_key_count",
  "consistent_read",
];

function readTable(table: ObjectReader): LookupTableConfig | undefined {
  const driver = table.oneOf("driver", ["s3", "dynamodb"], { required: true });
  table.integer("cache_refresh_minutes", { min: 1 });
  if (driver === "s3") {
    table.warnUnknownKeys([...COMMON_KEYS, ...S3_KEYS]);
    table.string("bucket", { required: true });
    table.string("key", {
      required: true,
      expected: 'the S3 object key, such as "tables/hosts.json.gz"',
    });
    if (
      table.has("compression") &&
      table.value.compression !== false &&
      table.value.compression !== "gzip"
    ) {
      table.fail("compression", '"gzip" or false');
    }
  }
  if (driver === "dynamodb") {
    table.warnUnknownKeys([...COMMON_KEYS, ...DYNAMODB_KEYS]);
    for (const key of ["table", "partition_key", "value_key"])
      table.string(key, { required: true });
    table.string("sort_key");
    table.string("key_delimiter");
    table.integer("cache_maximum_key_count", { min: 1 });
    table.boolean("consistent_read");
  }
  return driver ? (table.value as unknown as LookupTableConfig) : undefined;
}

/** lookup_tables.json: `{enabled, tables: {name: {driver, ...}}}`. */
export function validateLookupTablesFile(issues: FileIssues, raw: unknown): LookupTablesConfig {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return { enabled: false, tables: {} };
  file.warnUnknownKeys(["enabled", "tables"]);
  const enabled = file.boolean("enabled") ?? false;
  const tables = file.object("tables");
  const result: Record<string, LookupTableConfig> = {};
  for (const name of tables?.keys() ?? []) {
    const table = tables?.object(name);
    const config = table ? readTable(table) : undefined;
    if (config) result[name] = config;
  }
  return { enabled, tables: result };
}
