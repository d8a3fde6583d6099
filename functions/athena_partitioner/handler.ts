// Lambda entry of the athena partitioner: the SQS event source mapping of
// `<prefix>_streamalert_athena_s3_notifications` (modules/athena, ReportBatchItemFailures)
// delivers the data bucket's ObjectCreated notifications. Environment: ATHENA_DATABASE,
// ATHENA_RESULTS_BUCKET. The known tables come from the embedded configuration.
import { AthenaClient } from "@aws-sdk/client-athena";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { firehoseLogFilter } from "../classifier/senders/firehose-names";
import { resultsLocation, runQuery } from "../shared/athena/athena-queries";
import { awsClientConfig } from "../shared/aws/client-config";
import type { StreamAlertConfig } from "../shared/config/types";
import { logger } from "../shared/logger";
import { getRuntimeConfig } from "../shared/runtime-config";
import { athenaTableName } from "./object-partition";
import { addPartitionsForMessages } from "./partitioner";

// Stop waiting for a statement this long before the Lambda times out, so the batch response
// (and its failures) still gets back to SQS.
const RESPONSE_MARGIN_MS = 5_000;

let athena: AthenaClient | undefined;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `athena partitioner: environment variable ${name} is not set; deploy it with modules/athena`,
    );
  }
  return value;
}

/** Tables the Firehose module creates: one per enabled log type, and `alerts`. */
export function knownAthenaTables(config: StreamAlertConfig): Set<string> {
  const enabled = firehoseLogFilter(config.global.infrastructure.firehose ?? {});
  const tables = Object.keys(config.logs).filter(enabled).map(athenaTableName);
  return new Set([...tables, "alerts"]);
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  athena ??= new AthenaClient(awsClientConfig("athena"));
  const client = athena;
  logger.appendKeys({ function: "athena_partitioner" });
  const target = {
    client,
    database: requiredEnv("ATHENA_DATABASE"),
    outputLocation: resultsLocation(
      requiredEnv("ATHENA_RESULTS_BUCKET"),
      "athena_partitioner",
      new Date(),
    ),
  };
  const result = await addPartitionsForMessages(
    event.Records.map((record) => ({ messageId: record.messageId, body: record.body })),
    {
      knownTables: knownAthenaTables(getRuntimeConfig()),
      logger,
      run: async (statement) => {
        await runQuery(target, statement, {
          remainingMs: () => context.getRemainingTimeInMillis() - RESPONSE_MARGIN_MS,
        });
      },
    },
  );
  return {
    batchItemFailures: result.failedMessageIds.map((id) => ({ itemIdentifier: id })),
  };
}
