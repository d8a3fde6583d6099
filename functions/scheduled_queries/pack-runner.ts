// One non-blocking pass over a pack (StreamAlert's streamquery): start the pack's queries that
// have not started, look at the ones still unsent, and send the results of each finished one to
// Kinesis as streamquery records (an error record for a failed one). The pack is done when every
// query's records are sent. Nothing waits on Athena here: the state machine waits between passes.
import type { Logger } from "@aws-lambda-powertools/logger";
import type { AthenaQueryStatus, QueryResultTable } from "../shared/athena/athena-queries";
import type { RecordSender } from "./kinesis-sender";
import { type PackState, packStateFromInput } from "./pack-state";
import { renderQuery } from "./query-parameters";
import type { QueryRegistry } from "./query-registry";
import { errorRecord, resultRecords } from "./streamquery-record";

export interface QueryService {
  start(sql: string): Promise<string>;
  status(executionId: string): Promise<AthenaQueryStatus>;
  results(executionId: string): Promise<QueryResultTable>;
}

export type RunnerLogger = Pick<Logger, "info" | "warn" | "error">;

export interface PackRunnerOptions {
  registry: QueryRegistry;
  athena: QueryService;
  sender: RecordSender;
  logger: RunnerLogger;
  region: string;
  now: Date;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runPackPass(input: unknown, options: PackRunnerOptions): Promise<PackState> {
  const { logger } = options;
  const state = packStateFromInput(input, options.now);
  const queries = options.registry.forPack(state.name);
  if (queries.length === 0) {
    logger.warn("no scheduled query is tagged with this pack; nothing to run", {
      pack: state.name,
    });
    return { ...state, done: true };
  }
  const runTime = new Date(state.clock);

  for (const query of queries) {
    if (state.queries[query.name]) continue;
    try {
      const executionId = await options.athena.start(
        renderQuery(query.name, query.query, runTime, query.params),
      );
      state.queries[query.name] = { execution_id: executionId, sent: false };
      logger.info("query started", { pack: state.name, query: query.name, executionId });
    } catch (error) {
      // Not recorded: the next pass starts it again (e.g. after Athena throttled us).
      logger.error("query did not start; trying again next pass", {
        query: query.name,
        error: message(error),
      });
    }
  }

  for (const query of queries) {
    const progress = state.queries[query.name];
    if (!progress || progress.sent) continue;
    try {
      const status = await options.athena.status(progress.execution_id);
      if (status.state === "QUEUED" || status.state === "RUNNING") continue;
      let records: unknown[];
      if (status.state === "SUCCEEDED") {
        const table = await options.athena.results(progress.execution_id);
        records = resultRecords(query, status, table, options.region);
      } else {
        logger.error("query failed; sending its error record", {
          query: query.name,
          executionId: progress.execution_id,
          state: status.state,
          reason: status.reason,
        });
        progress.error = status.reason ?? status.state;
        records = [errorRecord(query, status, options.region)];
      }
      await options.sender.send(query.name, records);
      progress.sent = true;
      progress.state = status.state;
      logger.info("query results sent", { query: query.name, records: records.length });
    } catch (error) {
      // Left unsent: the next pass reads and sends it again.
      logger.error("query results not sent; trying again next pass", {
        query: query.name,
        error: message(error),
      });
    }
  }
  state.done = queries.every((query) => state.queries[query.name]?.sent === true);
  return state;
}
