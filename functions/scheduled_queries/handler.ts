// Lambda entry of the scheduled queries runner, the task of modules/scheduled_queries' state
// machine. Environment: DESTINATION_KINESIS_STREAM, ATHENA_DATABASE, ATHENA_RESULTS_BUCKET.
// The queries are the build's generated index of general.scheduled_query_locations.
import { AthenaClient } from "@aws-sdk/client-athena";
import { KinesisClient } from "@aws-sdk/client-kinesis";
import {
  getQueryStatus,
  readQueryResults,
  resultsLocation,
  startQuery,
} from "../shared/athena/athena-queries";
import { awsClientConfig } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { createKinesisSender } from "./kinesis-sender";
import { runPackPass } from "./pack-runner";
import type { PackState } from "./pack-state";
import { queryModules } from "./query-index";
import { buildQueryRegistry, type QueryRegistry } from "./query-registry";

/** rows read per query; the rest is dropped and the records say `truncated` */
export const MAX_RESULT_ROWS = 10_000;

let cold: { athena: AthenaClient; kinesis: KinesisClient; registry: QueryRegistry } | undefined;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `scheduled queries: environment variable ${name} is not set; deploy it with modules/scheduled_queries`,
    );
  }
  return value;
}

export async function handler(event: unknown): Promise<PackState> {
  cold ??= {
    athena: new AthenaClient(awsClientConfig("athena")),
    kinesis: new KinesisClient(awsClientConfig("kinesis")),
    registry: buildQueryRegistry(queryModules),
  };
  const { athena, kinesis, registry } = cold;
  logger.appendKeys({ function: "scheduled_queries" });
  const now = new Date();
  const target = {
    client: athena,
    database: requiredEnv("ATHENA_DATABASE"),
    outputLocation: resultsLocation(requiredEnv("ATHENA_RESULTS_BUCKET"), "scheduled_queries", now),
  };
  const state = await runPackPass(event, {
    registry,
    athena: {
      start: (sql) => startQuery(target, sql),
      status: (id) => getQueryStatus(athena, id),
      results: (id) => readQueryResults(athena, id, MAX_RESULT_ROWS),
    },
    sender: createKinesisSender({
      client: kinesis,
      streamName: requiredEnv("DESTINATION_KINESIS_STREAM"),
    }),
    logger,
    region: process.env.AWS_REGION ?? "us-east-1",
    now,
  });
  logger.info("scheduled queries pass finished", {
    pack: state.name,
    done: state.done,
    queries: Object.keys(state.queries).length,
  });
  return state;
}
