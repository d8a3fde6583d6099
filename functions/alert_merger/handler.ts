import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { awsClientConfig } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { createDynamoMergerTable } from "./dynamo-alert-table";
import { createLambdaInvoker } from "./invoker";
import { type AlertMerger, createAlertMerger, type MergerRunSummary } from "./merger";

let merger: AlertMerger | undefined;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`alert merger: environment variable ${name} is not set`);
  return value;
}

// Clients and settings once per cold start. Environment (set by the infrastructure):
// ALERTS_TABLE, ALERT_PROCESSOR (function name), ALERT_PROCESSOR_TIMEOUT_SEC and optionally
// ALERT_PROCESSOR_QUALIFIER (alias).
function coldStart(): AlertMerger {
  const timeout = Number(requireEnv("ALERT_PROCESSOR_TIMEOUT_SEC"));
  if (!Number.isFinite(timeout) || timeout < 0) {
    throw new Error(`alert merger: ALERT_PROCESSOR_TIMEOUT_SEC must be seconds, got ${timeout}`);
  }
  logger.appendKeys({ function: "alert_merger" });
  const documentClient = DynamoDBDocumentClient.from(
    new DynamoDBClient(awsClientConfig("dynamodb")),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return createAlertMerger({
    table: createDynamoMergerTable({ client: documentClient, table: requireEnv("ALERTS_TABLE") }),
    invoker: createLambdaInvoker({
      client: new LambdaClient(awsClientConfig("lambda")),
      functionName: requireEnv("ALERT_PROCESSOR"),
      qualifier: process.env.ALERT_PROCESSOR_QUALIFIER || undefined,
    }),
    processorTimeoutSec: timeout,
  });
}

/** Scheduled every minute: dispatch and merge pending alerts. */
export async function handler(): Promise<MergerRunSummary> {
  merger ??= coldStart();
  const summary = await merger.run();
  logger.info("Alert merger run finished", { ...summary });
  return summary;
}
