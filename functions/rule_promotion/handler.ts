// Lambda entry of rule promotion, invoked by its two schedules (modules/rule_promotion).
// Environment: RULES_TABLE, DIGEST_TOPIC (topic name; its ARN is built from the function's own
// region and account), ATHENA_DATABASE, ATHENA_RESULTS_BUCKET.
import { AthenaClient } from "@aws-sdk/client-athena";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { resultsLocation } from "../shared/athena/athena-queries";
import { awsClientConfig } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { createAthenaAlertStatistics } from "./athena-alert-statistics";
import { isDigestInvocation } from "./digest-trigger";
import { type PromotionSummary, promoteStagedRules } from "./promoter";
import { createDynamoStagedRulesTable } from "./staged-rules-table";

// Stop waiting for the count this long before the Lambda times out, to log why.
const TIMEOUT_MARGIN_MS = 5_000;

let clients: { dynamo: DynamoDBDocumentClient; athena: AthenaClient; sns: SNSClient } | undefined;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `rule promotion: environment variable ${name} is not set; deploy it with modules/rule_promotion`,
    );
  }
  return value;
}

/** `arn:aws:sns:<region>:<account>:<topic>` from `arn:aws:lambda:<region>:<account>:function:...` */
export function topicArnFor(invokedFunctionArn: string, topicName: string): string {
  const [, partition, , region, account] = invokedFunctionArn.split(":");
  if (!region || !account) {
    throw new Error(`rule promotion: cannot read region and account from ${invokedFunctionArn}`);
  }
  return `arn:${partition}:sns:${region}:${account}:${topicName}`;
}

export async function handler(event: unknown, context: Context): Promise<PromotionSummary> {
  clients ??= {
    dynamo: DynamoDBDocumentClient.from(new DynamoDBClient(awsClientConfig("dynamodb"))),
    athena: new AthenaClient(awsClientConfig("athena")),
    sns: new SNSClient(awsClientConfig("sns")),
  };
  const { dynamo, athena, sns } = clients;
  logger.appendKeys({ function: "rule_promotion" });
  const now = new Date();
  const topicArn = topicArnFor(context.invokedFunctionArn, requiredEnv("DIGEST_TOPIC"));
  const region = context.invokedFunctionArn.split(":")[3];
  const summary = await promoteStagedRules(
    {
      table: createDynamoStagedRulesTable(dynamo, requiredEnv("RULES_TABLE"), (rule, reason) =>
        logger.warn("staged rule cannot be promoted", { rule, reason }),
      ),
      alerts: createAthenaAlertStatistics(
        {
          client: athena,
          database: requiredEnv("ATHENA_DATABASE"),
          outputLocation: resultsLocation(
            requiredEnv("ATHENA_RESULTS_BUCKET"),
            "rule_promoter",
            now,
          ),
        },
        { remainingMs: () => context.getRemainingTimeInMillis() - TIMEOUT_MARGIN_MS },
      ),
      publishDigest: async (digest) => {
        await sns.send(
          new PublishCommand({
            TopicArn: topicArn,
            Subject: digest.subject,
            Message: digest.message,
          }),
        );
      },
      logger,
      region,
    },
    { now, sendDigest: isDigestInvocation(event, context.functionName) },
  );
  logger.info("rule promotion finished", { ...summary });
  return summary;
}
