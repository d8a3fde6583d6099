// Athena statements for the support functions (athena partitioner, rule promotion, scheduled
// queries): start one in the StreamAlert database with results under the athena results bucket,
// read its state, wait for it while the Lambda has time, and read its result rows page by page.
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  paginateGetQueryResults,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";

export interface AthenaQueryTarget {
  client: AthenaClient;
  database: string;
  /** `s3://<results bucket>/<folder>/`: Athena writes `<execution id>.csv` under it */
  outputLocation: string;
}

export type AthenaQueryState = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export interface AthenaQueryStatus {
  executionId: string;
  state: AthenaQueryState;
  /** Athena's reason for a failed or cancelled query */
  reason?: string;
  /** the statement as Athena ran it */
  query?: string;
  dataScannedBytes?: number;
  engineTimeMs?: number;
}

/** A statement Athena did not start, failed, cancelled, or that did not finish in time. */
export class AthenaQueryError extends Error {
  override name = "AthenaQueryError";
  constructor(
    message: string,
    readonly executionId?: string,
  ) {
    super(message);
  }
}

const FINISHED_STATES = new Set<AthenaQueryState>(["SUCCEEDED", "FAILED", "CANCELLED"]);

export const isFinished = (status: AthenaQueryStatus) => FINISHED_STATES.has(status.state);

/** `s3://bucket/folder/YYYY/MM/DD/` (UTC), StreamAlert's layout of query results. */
export function resultsLocation(bucket: string, folder: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "/");
  return `s3://${bucket.replace(/^s3:\/\//, "").replace(/\/+$/, "")}/${folder}/${day}/`;
}

/** Quote a value as an SQL string literal (single quotes doubled). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function firstLine(statement: string): string {
  const line = statement.trim().split("\n")[0];
  return line.length > 160 ? `${line.slice(0, 160)}...` : line;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Starts the statement without waiting; resolves with its execution id. */
export async function startQuery(target: AthenaQueryTarget, statement: string): Promise<string> {
  let executionId: string | undefined;
  try {
    const started = await target.client.send(
      new StartQueryExecutionCommand({
        QueryString: statement,
        QueryExecutionContext: { Database: target.database },
        ResultConfiguration: { OutputLocation: target.outputLocation },
      }),
    );
    executionId = started.QueryExecutionId;
  } catch (error) {
    throw new AthenaQueryError(
      `Athena did not start "${firstLine(statement)}" in database ${target.database}: ${errorText(error)}`,
    );
  }
  if (!executionId) {
    throw new AthenaQueryError(`Athena returned no execution id for "${firstLine(statement)}"`);
  }
  return executionId;
}

export async function getQueryStatus(
  client: AthenaClient,
  executionId: string,
): Promise<AthenaQueryStatus> {
  const { QueryExecution: execution } = await client.send(
    new GetQueryExecutionCommand({ QueryExecutionId: executionId }),
  );
  const state = (execution?.Status?.State ?? "QUEUED") as AthenaQueryState;
  return {
    executionId,
    state,
    reason: execution?.Status?.StateChangeReason,
    query: execution?.Query,
    dataScannedBytes: execution?.Statistics?.DataScannedInBytes,
    engineTimeMs: execution?.Statistics?.EngineExecutionTimeInMillis,
  };
}

export interface WaitOptions {
  /** milliseconds left to wait; checked before each pause */
  remainingMs: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** @default 250 */
  firstPollMs?: number;
  /** @default 2000 */
  maxPollMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until the query finishes. Resolves with its status when it succeeded; throws an
 * AthenaQueryError with Athena's reason when it failed or was cancelled, or when no time is left.
 */
export async function waitForQuery(
  client: AthenaClient,
  executionId: string,
  options: WaitOptions,
): Promise<AthenaQueryStatus> {
  const sleep = options.sleep ?? realSleep;
  let pause = options.firstPollMs ?? 250;
  for (;;) {
    const status = await getQueryStatus(client, executionId);
    if (status.state === "SUCCEEDED") return status;
    if (isFinished(status)) {
      throw new AthenaQueryError(
        `Athena query ${executionId} ${status.state.toLowerCase()}: ${status.reason ?? "no reason given"}`,
        executionId,
      );
    }
    if (options.remainingMs() <= pause) {
      throw new AthenaQueryError(
        `Athena query ${executionId} still ${status.state} when time ran out; see it in the Athena console`,
        executionId,
      );
    }
    await sleep(pause);
    pause = Math.min(pause * 2, options.maxPollMs ?? 2000);
  }
}

/** Starts the statement and waits for it to succeed (see waitForQuery). */
export async function runQuery(
  target: AthenaQueryTarget,
  statement: string,
  options: WaitOptions,
): Promise<AthenaQueryStatus> {
  const executionId = await startQuery(target, statement);
  return waitForQuery(target.client, executionId, options);
}

export interface QueryResultTable {
  headers: string[];
  /** one object per row, header → value (null for an empty cell) */
  rows: Array<Record<string, string | null>>;
  /** true when rows were left out because of maxRows */
  truncated: boolean;
}

/**
 * The result of a finished SELECT as a table. The first row of the first page is the header
 * (Athena's layout for SELECT results); later pages carry data rows only.
 */
export async function readQueryResults(
  client: AthenaClient,
  executionId: string,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<QueryResultTable> {
  let headers: string[] | undefined;
  const rows: Array<Record<string, string | null>> = [];
  let truncated = false;
  const pages = paginateGetQueryResults({ client }, { QueryExecutionId: executionId });
  for await (const page of pages) {
    for (const row of page.ResultSet?.Rows ?? []) {
      const cells = (row.Data ?? []).map((cell) => cell.VarCharValue ?? null);
      if (!headers) {
        headers = cells.map((cell, index) => cell ?? `column_${index}`);
        continue;
      }
      if (rows.length >= maxRows) {
        truncated = true;
        return { headers, rows, truncated };
      }
      const entry: Record<string, string | null> = {};
      headers.forEach((header, index) => {
        entry[header] = cells[index] ?? null;
      });
      rows.push(entry);
    }
  }
  return { headers: headers ?? [], rows, truncated };
}
