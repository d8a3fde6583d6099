// `streamalert athena create-table|rebuild-partitions`: DDL through the Athena API in the
// `<prefix>_streamalert` database, results in `<prefix>-streamalert-athena-results`
// (modules/athena's names). Terraform already creates these Glue tables; these commands make or
// repair them by hand (a table dropped or changed outside Terraform, partitions missing).
import { AthenaClient } from "@aws-sdk/client-athena";
import type { Command } from "commander";
import { awsClientConfig } from "../../functions/shared/aws/client-config";
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { globalNames } from "../../modules/shared/names";
import { type AthenaTarget, runAthenaQuery } from "./athena/query-runner";
import {
  ALERTS_TABLE,
  createTableStatement,
  dropTableStatement,
  overrideColumnTypes,
  repairTableStatement,
  resolveAthenaTable,
} from "./athena/table-ddl";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  say,
} from "./shared/command-action";
import { readConf } from "./shared/conf-access";

interface AthenaOptions {
  configDir: string;
  region?: string;
  bucket?: string;
  schemaOverride?: string[];
}

interface CreateTableOptions extends AthenaOptions {
  tableType: string;
  tableName?: string;
}

interface RebuildOptions extends AthenaOptions {
  table: string;
  repairOnly?: boolean;
}

/** The data bucket the Firehose streams write to (where the tables' folders are). */
function dataBucket(config: StreamAlertConfig, requested?: string): string {
  const bucket = (
    requested ??
    config.global.infrastructure.firehose?.bucket_name ??
    globalNames(config.global.account.prefix).dataBucket
  )
    .replace(/^s3:\/\//, "")
    .replace(/\/+$/, "");
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new CliUsageError(
      `--bucket ${JSON.stringify(requested)} is not an S3 bucket name (lowercase letters, digits, dots, hyphens)`,
    );
  }
  return bucket;
}

async function withAthena(
  config: StreamAlertConfig,
  options: AthenaOptions,
  use: (target: AthenaTarget) => Promise<void>,
): Promise<void> {
  const names = globalNames(config.global.account.prefix);
  const client = new AthenaClient(
    awsClientConfig("athena", { region: options.region ?? config.global.account.region }),
  );
  try {
    await use({
      client,
      database: names.athenaDatabase,
      outputLocation: `s3://${names.athenaResultsBucket}/streamalert_cli/`,
    });
  } finally {
    client.destroy();
  }
}

async function runCreateTable(options: CreateTableOptions): Promise<void> {
  const config = readConf(options.configDir);
  if (options.tableType !== "data" && options.tableType !== "alerts") {
    throw new CliUsageError(
      `--table-type must be data or alerts, got ${JSON.stringify(options.tableType)}`,
    );
  }
  if (options.tableType === "data" && !options.tableName) {
    throw new CliUsageError(
      "--table-type data needs --table-name <log type>, e.g. cloudtrail:events",
    );
  }
  const requested = options.tableType === "alerts" ? ALERTS_TABLE : (options.tableName as string);
  const table = overrideColumnTypes(
    await resolveAthenaTable(config, requested),
    options.schemaOverride ?? [],
  );
  const bucket = dataBucket(config, options.bucket);
  await withAthena(config, options, async (target) => {
    await runAthenaQuery(target, createTableStatement(table, bucket));
    say(`created table ${target.database}.${table.name} over s3://${bucket}/${table.name}/`);
    say(
      `add its partitions with: streamalert athena rebuild-partitions --table ${table.name} --repair-only`,
    );
  });
}

async function runRebuildPartitions(options: RebuildOptions): Promise<void> {
  const config = readConf(options.configDir);
  const table = overrideColumnTypes(
    await resolveAthenaTable(config, options.table),
    options.schemaOverride ?? [],
  );
  const bucket = dataBucket(config, options.bucket);
  await withAthena(config, options, async (target) => {
    if (!options.repairOnly) {
      // An external table: dropping it leaves the data in S3 untouched.
      await runAthenaQuery(target, dropTableStatement(table));
      await runAthenaQuery(target, createTableStatement(table, bucket));
      say(`recreated table ${target.database}.${table.name} over s3://${bucket}/${table.name}/`);
    }
    await runAthenaQuery(target, repairTableStatement(table));
    say(`partitions of ${target.database}.${table.name} rebuilt from its dt= folders`);
  });
}

const COMMON_FLAGS = (command: Command) =>
  command
    .option("--schema-override <column=type...>", "column types that differ from the schema's")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .option("--region <region>", "AWS region of Athena (default: global.json's)");

export function registerAthenaCommand(program: Command): void {
  const athena = program
    .command("athena")
    .description("create Athena tables and rebuild their partitions");
  COMMON_FLAGS(
    athena
      .command("create-table")
      .description("CREATE EXTERNAL TABLE for a log type's data or for the alerts")
      .option("-b, --bucket <bucket>", "bucket holding <table>/dt=.../ (default: the data bucket)")
      .option("--table-type <type>", "data (a log type's table) or alerts", "data")
      .option("-t, --table-name <log type>", "the log type, for --table-type data"),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ streamalert athena create-table --table-type data --table-name cloudtrail:events --bucket acme-streamalert-data\n  $ streamalert athena create-table --table-type alerts",
    )
    .action(commandAction(runCreateTable));
  COMMON_FLAGS(
    athena
      .command("rebuild-partitions")
      .description("drop and recreate a table from its schema, then MSCK REPAIR its partitions")
      .requiredOption("-t, --table <table>", "a log type (cloudtrail:events) or alerts")
      .option("-b, --bucket <bucket>", "bucket holding <table>/dt=.../ (default: the data bucket)")
      .option("--repair-only", "keep the table; only add partitions missing from the catalog"),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ streamalert athena rebuild-partitions --table cloudtrail:events --bucket acme-streamalert-data",
    )
    .action(commandAction(runRebuildPartitions));
}
