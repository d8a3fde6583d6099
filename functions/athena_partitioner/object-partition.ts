// Which Hive partition an S3 object belongs to. The Firehose streams (modules/firehose) write
// `<table>/dt=YYYY-MM-DD-HH/<file>` into the data bucket, the alerts stream `alerts/dt=.../`;
// StreamAlert's older layouts (`parquet/<table>/dt=.../` and JSON `<table>/YYYY/MM/DD/HH/`) are
// recognised too, so a copied bucket keeps working. The Glue table of `<table>` is `<table>`.

export interface HivePartition {
  table: string;
  /** `YYYY-MM-DD-HH` */
  dt: string;
  /** `s3://bucket/<folder of the object>/` */
  location: string;
}

export type ObjectPartition =
  | { kind: "partition"; partition: HivePartition }
  | { kind: "skip"; reason: string };

const TABLE = "([A-Za-z0-9_]+)";
const LAYOUTS = [
  new RegExp(`^(?:parquet/)?${TABLE}/dt=(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})/[^/]+$`),
  new RegExp(`^${TABLE}/(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/[^/]+$`),
];

/**
 * The partition of `bucket/key` (the key already URL-decoded), or why there is none: folder
 * markers, keys outside the layouts (e.g. Firehose's `<table>_errors/` output) and tables the
 * configuration does not know are skipped, since adding a partition for them can never succeed.
 */
export function partitionOfObject(
  bucket: string,
  key: string,
  knownTables?: ReadonlySet<string>,
): ObjectPartition {
  if (key.endsWith("_$folder$") || key.endsWith("/")) {
    return { kind: "skip", reason: "folder marker" };
  }
  for (const layout of LAYOUTS) {
    const match = layout.exec(key);
    if (!match) continue;
    const [, rawTable, year, month, day, hour] = match;
    const table = rawTable.toLowerCase();
    if (knownTables && !knownTables.has(table)) {
      return {
        kind: "skip",
        reason: `no Athena table "${table}": its log type is not in firehose.enabled_logs`,
      };
    }
    const folder = key.slice(0, key.lastIndexOf("/") + 1);
    return {
      kind: "partition",
      partition: {
        table,
        dt: `${year}-${month}-${day}-${hour}`,
        location: `s3://${bucket}/${folder}`,
      },
    };
  }
  return { kind: "skip", reason: "key is not <table>/dt=YYYY-MM-DD-HH/<file>" };
}

/** Athena table name of a log type, as modules/firehose names its Glue tables. */
export function athenaTableName(logType: string): string {
  return logType.replace(/\W/g, "_").toLowerCase();
}
