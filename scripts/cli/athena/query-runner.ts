// Running one Athena statement to the end for the CLI: the support functions' runQuery
// (functions/shared/athena), with a wall-clock timeout instead of a Lambda's remaining time.
// DDL (CREATE TABLE, MSCK REPAIR) returns no rows worth reading.
import { type AthenaQueryTarget, runQuery } from "../../../functions/shared/athena/athena-queries";

export interface AthenaTarget extends AthenaQueryTarget {
  /** give up waiting after this long @default 30 minutes (MSCK REPAIR on a large bucket is slow) */
  timeoutMs?: number;
}

/** Runs the statement; resolves with its execution id, or throws with Athena's reason. */
export async function runAthenaQuery(target: AthenaTarget, statement: string): Promise<string> {
  const deadline = Date.now() + (target.timeoutMs ?? 30 * 60_000);
  const status = await runQuery(target, statement, {
    remainingMs: () => deadline - Date.now(),
    firstPollMs: 100,
  });
  return status.executionId;
}
