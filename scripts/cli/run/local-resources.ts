// The AWS resources one local run needs, created on the emulators under their deployed names:
// the alerts, rules and threat intel tables (dynalite), the classified-records queue
// (local-aws-sqs) and a bucket per S3 data source of the cluster (s3rver).
import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { CreateQueueCommand } from "@aws-sdk/client-sqs";
import { classifiedLogsQueueName } from "../../../functions/classifier/senders/sqs-queue";
import { rulesEngineTables } from "../../../functions/rules_engine/wiring";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import type { Emulators } from "./emulators";

export interface LocalResources {
  alertsTable: string;
  rulesTable: string;
  threatIntelTable: string;
  queueUrl: string;
}

export async function createLocalResources(
  emulators: Emulators,
  config: StreamAlertConfig,
  cluster: string,
): Promise<LocalResources> {
  // the names the deployed functions use (rules engine wiring), so the cores find their tables
  const tables = rulesEngineTables(config);
  const names = {
    alertsTable: tables.alerts,
    rulesTable: tables.rules,
    threatIntelTable: tables.threatIntel,
  };
  await createKeyTable(emulators.dynamodb, names.alertsTable, ALERTS_TABLE_KEYS);
  await createKeyTable(emulators.dynamodb, names.rulesTable, ["RuleName"]);
  // empty: a local run has no intel feed, but enabled threat intel still looks values up
  await createKeyTable(emulators.dynamodb, names.threatIntelTable, ["ioc_value"]);
  const { QueueUrl } = await emulators.sqs.send(
    new CreateQueueCommand({
      QueueName: classifiedLogsQueueName(config.global),
      Attributes: { VisibilityTimeout: "300" },
    }),
  );
  if (!QueueUrl) throw new Error("the SQS emulator returned no queue URL");
  for (const bucket of Object.keys(config.clusters[cluster].data_sources.s3 ?? {})) {
    await emulators.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  return { ...names, queueUrl: QueueUrl };
}

/** The alerts table's key (SPEC §5): hash RuleName, range AlertID. */
export const ALERTS_TABLE_KEYS = ["RuleName", "AlertID"];

/** An on-demand table keyed by string attributes: the first is the hash key, a second the range key. */
export async function createKeyTable(client: DynamoDBClient, TableName: string, keys: string[]) {
  await client.send(
    new CreateTableCommand({
      TableName,
      KeySchema: keys.map((AttributeName, index) => ({
        AttributeName,
        KeyType: index === 0 ? "HASH" : "RANGE",
      })),
      AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
}
