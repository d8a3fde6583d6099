// Running one Athena statement to the end: StartQueryExecution in the StreamAlert database with
// results under the athena results bucket, then GetQueryExecution until it succeeds, fails or
// times out. DDL (CREATE TABLE, MSCK REPAIR) returns no rows worth reading.
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";

export interface AthenaTarget {
  client: AthenaClient;
  database: string;
  /** s3://<results bucket>/<prefix>/ */
  outputLocation: string;
  /** give up waiting after this long @default 30 minutes (MSCK REPAIR on a large bucket is slow) */
  timeoutMs?: number;
}

const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function awsErrorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs the statement; resolves with its execution id, or throws with Athena's reason. */
export async function runAthenaQuery(target: AthenaTarget, statement: string): Promise<string> {
  const firstLine = statement.split("\n")[0];
  let id: string | undefined;
  try {
    const started = await target.client.send(
      new StartQueryExecutionCommand({
        QueryString: statement,
        QueryExecutionContext: { Database: target.database },
        ResultConfiguration: { OutputLocation: target.outputLocation },
      }),
    );
    id = started.QueryExecutionId;
  } catch (error) {
    throw new Error(`Athena did not start "${firstLine}": ${awsErrorText(error)}`);
  }
  if (!id) throw new Error(`Athena returned no query execution id for "${firstLine}"`);
  const deadline = Date.now() + (target.timeoutMs ?? 30 * 60_000);
  let wait = FIRST_POLL_MS;
  for (;;) {
    const { QueryExecution } = await target.client.send(
      new GetQueryExecutionCommand({ QueryExecutionId: id }),
    );
    const state = QueryExecution?.Status?.State;
    if (state === "SUCCEEDED") return id;
    if (state === "FAILED" || state === "CANCELLED") {
      const reason = QueryExecution?.Status?.StateChangeReason ?? "no reason given";
      throw new Error(
        `Athena query ${id} ${state.toLowerCase()}: ${reason}\n  query: ${firstLine}`,
      );
    }
    if (Date.now() + wait > deadline) {
      throw new Error(
        `Athena query ${id} still ${state ?? "pending"} after the timeout; see it in the Athena console (query: ${firstLine})`,
      );
    }
    await sleep(wait);
    wait = Math.min(wait * 2, MAX_POLL_MS);
  }
}
