// The `streamquery:version1` records (schemas/streamquery.json) a finished query becomes, in
// StreamAlert's shape: `{streamquery_schema_version, execution {...}, data {headers, rows,
// count}}`. A failed query gives one record with `execution.error` and no rows. Results too big
// for one record are split by rows, each part a complete record (`execution.part`/`parts`), so
// every record passes Kinesis (1 MiB) and the classifier's SQS messages (256 KiB).
import type { AthenaQueryStatus, QueryResultTable } from "../shared/athena/athena-queries";
import type { ScheduledQuery } from "./scheduled-query";

export const STREAMQUERY_SCHEMA_VERSION = "1.0.0";
/** below the classifier's 256 KiB SQS message, leaving room for what it adds to a record */
export const MAX_RECORD_BYTES = 200_000;

export interface StreamQueryExecution {
  handler: "athena:csirt";
  name: string;
  description: string;
  query: string;
  data_scanned_in_bytes: number;
  execution_time_ms: number;
  tags: string[];
  query_execution_id: string;
  console_link: string;
  error?: { description: string };
  /** set when the rows did not fit one record */
  part?: number;
  parts?: number;
  /** set when rows beyond the runner's limit were left out */
  truncated?: boolean;
}

export interface StreamQueryRecord {
  streamquery_schema_version: string;
  execution: StreamQueryExecution;
  data: {
    headers: string[];
    rows: Array<Record<string, string | null>>;
    count: number;
  };
}

function execution(
  query: ScheduledQuery,
  status: AthenaQueryStatus,
  region: string,
): StreamQueryExecution {
  return {
    handler: "athena:csirt",
    name: query.name,
    description: query.description,
    query: status.query ?? "",
    data_scanned_in_bytes: status.dataScannedBytes ?? 0,
    execution_time_ms: status.engineTimeMs ?? 0,
    tags: query.tags,
    query_execution_id: status.executionId,
    console_link: `https://${region}.console.aws.amazon.com/athena/home?region=${region}#query/history/${status.executionId}`,
  };
}

export function errorRecord(
  query: ScheduledQuery,
  status: AthenaQueryStatus,
  region: string,
): StreamQueryRecord {
  return {
    streamquery_schema_version: STREAMQUERY_SCHEMA_VERSION,
    execution: {
      ...execution(query, status, region),
      error: { description: status.reason ?? `query ${status.state.toLowerCase()}` },
    },
    data: { headers: [], rows: [], count: 0 },
  };
}

const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** The records of a successful query: one, or several parts when the rows are too big. */
export function resultRecords(
  query: ScheduledQuery,
  status: AthenaQueryStatus,
  table: QueryResultTable,
  region: string,
  maxBytes = MAX_RECORD_BYTES,
): StreamQueryRecord[] {
  const base = execution(query, status, region);
  if (table.truncated) base.truncated = true;
  const make = (rows: QueryResultTable["rows"], exec: StreamQueryExecution) => ({
    streamquery_schema_version: STREAMQUERY_SCHEMA_VERSION,
    execution: exec,
    data: { headers: table.headers, rows, count: rows.length },
  });
  const whole = make(table.rows, base);
  if (byteLength(whole) <= maxBytes) return [whole];

  // Room left for rows once the rest of a part record is written (part numbers included).
  const envelope = byteLength(make([], { ...base, part: 99_999, parts: 99_999 }));
  const chunks: Array<QueryResultTable["rows"]> = [];
  let chunk: QueryResultTable["rows"] = [];
  let size = envelope;
  for (const row of table.rows) {
    const rowBytes = byteLength(row) + 1;
    if (chunk.length > 0 && size + rowBytes > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      size = envelope;
    }
    chunk.push(row);
    size += rowBytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks.map((rows, index) =>
    make(rows, { ...base, part: index + 1, parts: chunks.length }),
  );
}
