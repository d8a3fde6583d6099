// `streamalert lookup-tables describe-tables|get|set` (StreamAlert's flags: -t table, -k key,
// -v value, -j json): the tables of conf/lookup_tables.json, and one key read from or written to
// S3 or DynamoDB the way the rules engine's drivers read it.
import type { Command } from "commander";
import type { LookupTableConfig, StreamAlertConfig } from "../../functions/shared/config/types";
import { openLookupTable } from "./lookup-tables/table-store";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  say,
} from "./shared/command-action";
import { readConf } from "./shared/conf-access";

interface TableOptions {
  configDir: string;
  region?: string;
  table: string;
  key: string;
}

interface SetOptions extends TableOptions {
  value: string;
  json?: boolean;
}

function describeTable(name: string, table: LookupTableConfig): string[] {
  const refresh = `cache refreshed every ${table.cache_refresh_minutes ?? 10} min`;
  if (table.driver === "s3") {
    return [
      name,
      `  driver: s3, object s3://${table.bucket}/${table.key}${table.compression === "gzip" ? " (gzip)" : ""}: one JSON object of key → value`,
      `  ${refresh}`,
    ];
  }
  const key = table.sort_key
    ? `${table.partition_key}${table.key_delimiter ?? ":"}${table.sort_key}`
    : `${table.partition_key}`;
  return [
    name,
    `  driver: dynamodb, table ${table.table}: key ${key}, value in attribute ${table.value_key}`,
    `  ${refresh}, at most ${table.cache_maximum_key_count ?? 1000} keys cached${table.consistent_read ? ", consistent reads" : ""}`,
  ];
}

function runDescribe(options: { configDir: string }): void {
  const { lookupTables } = readConf(options.configDir);
  const names = Object.keys(lookupTables.tables).sort();
  say(
    `lookup tables ${lookupTables.enabled ? "enabled" : "disabled (rules get their defaults)"}: ${names.length} table${names.length === 1 ? "" : "s"} in lookup_tables.json`,
  );
  for (const name of names)
    for (const line of describeTable(name, lookupTables.tables[name])) say(line);
}

function tableConfig(config: StreamAlertConfig, name: string): LookupTableConfig {
  const table = config.lookupTables.tables[name];
  if (!table) {
    const known = Object.keys(config.lookupTables.tables).sort();
    throw new CliUsageError(
      `no lookup table ${JSON.stringify(name)} in lookup_tables.json; tables: ${known.join(", ") || "none"}`,
    );
  }
  return table;
}

function awsFailure(location: string, error: unknown): Error {
  if (error instanceof CliUsageError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new Error(`could not use ${location}: ${detail}`);
}

async function withTable<T>(
  options: TableOptions,
  use: (store: ReturnType<typeof openLookupTable>) => Promise<T>,
): Promise<T> {
  const config = readConf(options.configDir);
  const store = openLookupTable(
    options.table,
    tableConfig(config, options.table),
    options.region ?? config.global.account.region,
  );
  try {
    return await use(store);
  } catch (error) {
    throw awsFailure(store.location, error);
  } finally {
    store.close();
  }
}

async function runGet(options: TableOptions): Promise<void> {
  await withTable(options, async (store) => {
    const value = await store.get(options.key);
    if (value === undefined) {
      throw new CliUsageError(`${options.table} has no key ${JSON.stringify(options.key)}`);
    }
    say(JSON.stringify(value, null, 2));
  });
}

function parseValue(options: SetOptions): unknown {
  if (!options.json) return options.value;
  try {
    return JSON.parse(options.value);
  } catch (error) {
    throw new CliUsageError(
      `--value is not valid JSON (${error instanceof Error ? error.message : String(error)}); drop --json to store it as a string`,
    );
  }
}

async function runSet(options: SetOptions): Promise<void> {
  const value = parseValue(options);
  await withTable(options, async (store) => {
    const previous = await store.set(options.key, value);
    say(`${options.table} ${JSON.stringify(options.key)} in ${store.location}`);
    say(
      `  ${previous === undefined ? "(new key)" : JSON.stringify(previous)} -> ${JSON.stringify(value)}`,
    );
  });
}

const KEY_FLAGS = (command: Command) =>
  command
    .requiredOption("-t, --table <name>", "the lookup table (a key of lookup_tables.json tables)")
    .requiredOption("-k, --key <key>", "the key (dynamodb with a sort key: <partition>:<sort>)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .option("--region <region>", "AWS region of the bucket or table (default: global.json's)");

export function registerLookupTablesCommand(program: Command): void {
  const lookup = program
    .command("lookup-tables")
    .description("describe the lookup tables, read or write one key");
  lookup
    .command("describe-tables")
    .description("show each table of lookup_tables.json: driver, where it is stored, caching")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", "\nExample:\n  $ streamalert lookup-tables describe-tables")
    .action(commandAction(runDescribe));
  KEY_FLAGS(lookup.command("get").description("print one key's value as JSON"))
    .addHelpText(
      "after",
      "\nExample:\n  $ streamalert lookup-tables get -t employee_directory -k alice",
    )
    .action(commandAction(runGet));
  KEY_FLAGS(
    lookup.command("set").description("store one key's value (S3: the object is rewritten)"),
  )
    .requiredOption("-v, --value <value>", "the value (a string unless --json)")
    .option("-j, --json", "parse --value as JSON (objects, lists, numbers, booleans)")
    .addHelpText(
      "after",
      `\nExample:\n  $ streamalert lookup-tables set -t known_admin_hosts -k bastion-1 -v '["10.0.0.5"]' --json`,
    )
    .action(commandAction(runSet));
}
