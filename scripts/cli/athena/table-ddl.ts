// The Athena tables StreamAlert queries, as DDL: the same columns, partition key, SerDe and
// location as the Glue tables modules/firehose creates (columns from its glueColumns /
// ALERT_COLUMNS, so both stay one definition), for tables made or repaired outside Terraform.

import { firehoseLogFilter } from "../../../functions/classifier/senders/firehose-names";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import type { GlueColumn } from "../../../modules/firehose/glue-columns";
import { CliUsageError } from "../shared/command-action";

export interface AthenaTable {
  /** the table name: the sanitized log type, or `alerts` */
  name: string;
  columns: GlueColumn[];
}

export const ALERTS_TABLE = "alerts";

// Loaded on use: modules/firehose loads the Terraform provider classes.
const firehoseModule = () => import("../../../modules/firehose");

/** The alerts table, or the table of one log type (`cloudtrail:events` or `cloudtrail_events`). */
export async function resolveAthenaTable(
  config: StreamAlertConfig,
  requested: string,
): Promise<AthenaTable> {
  const { ALERT_COLUMNS, glueColumns, tableName } = await firehoseModule();
  if (requested === ALERTS_TABLE) return { name: ALERTS_TABLE, columns: ALERT_COLUMNS };
  const wanted = tableName(requested);
  const logType = Object.keys(config.logs).find((type) => tableName(type) === wanted);
  if (!logType) {
    throw new CliUsageError(
      `no log type ${JSON.stringify(requested)} in the schemas; use a log type such as ${Object.keys(config.logs).slice(0, 3).join(", ")} or alerts`,
    );
  }
  const firehose = config.global.infrastructure.firehose ?? {};
  if (!firehoseLogFilter(firehose)(logType)) {
    throw new CliUsageError(
      `${logType} is not sent to Firehose, so its table would stay empty: add it to global.json infrastructure.firehose.enabled_logs (and set firehose.enabled)`,
    );
  }
  return { name: wanted, columns: glueColumns(config.logs[logType]) };
}

/** Applies `column=type` overrides; an unknown column or a malformed pair is a usage error. */
export function overrideColumnTypes(table: AthenaTable, overrides: readonly string[]): AthenaTable {
  const columns = table.columns.map((column) => ({ ...column }));
  for (const override of overrides) {
    const match = /^([^=\s]+)=(\S.*)$/.exec(override.trim());
    if (!match) {
      throw new CliUsageError(
        `--schema-override ${JSON.stringify(override)} must be column_name=type, e.g. requestparameters=string`,
      );
    }
    const column = columns.find((candidate) => candidate.name === match[1].toLowerCase());
    if (!column) {
      throw new CliUsageError(
        `--schema-override: ${table.name} has no column ${JSON.stringify(match[1])}; columns: ${columns.map((c) => c.name).join(", ")}`,
      );
    }
    column.type = match[2].trim();
  }
  return { ...table, columns };
}

/** CREATE EXTERNAL TABLE for JSON objects under s3://<bucket>/<table>/dt=.../ */
export function createTableStatement(table: AthenaTable, bucket: string): string {
  const columns = table.columns.map((column) => `  \`${column.name}\` ${column.type}`);
  return [
    `CREATE EXTERNAL TABLE \`${table.name}\` (`,
    columns.join(",\n"),
    ")",
    "PARTITIONED BY (`dt` string)",
    "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'",
    "WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true', 'case.insensitive' = 'true')",
    `LOCATION 's3://${bucket}/${table.name}/'`,
  ].join("\n");
}

export const dropTableStatement = (table: AthenaTable) => `DROP TABLE IF EXISTS \`${table.name}\``;

/** Adds every `dt=` folder under the table's location as a partition. */
export const repairTableStatement = (table: AthenaTable) => `MSCK REPAIR TABLE \`${table.name}\``;
