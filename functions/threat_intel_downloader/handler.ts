// Lambda entry of the threat intel downloader (modules/threat_intel): its schedule starts a
// download from the first page; a download that runs short of time invokes the function's own
// alias asynchronously with `{"next_url": "<path>"}` (StreamAlert's event) to go on from there.
// Environment: THREAT_INTEL_TABLE (and THREATSTREAM_API_URL to point it elsewhere, for local
// runs). Settings: lambda.json threat_intel_downloader_config ioc_types, ioc_filters,
// excluded_sub_types. Credentials: SSM threat_intel_downloader_api_creds.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { awsClientConfig } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { getRuntimeConfig } from "../shared/runtime-config";
import { loadCredentials } from "./credentials";
import { type DownloadSummary, downloadIocs } from "./downloader";
import { createDynamoIocWriter } from "./ioc-writer";
import { createThreatStreamApi, firstPagePath, THREATSTREAM_API_URL } from "./threatstream-api";

let cold:
  | {
      dynamo: DynamoDBDocumentClient;
      lambda: LambdaClient;
      ssm: SSMClient;
    }
  | undefined;

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

/** The page to start at: the previous invocation's `next_url`, else the first page. */
export function startPathOf(event: unknown, first: string): string {
  const next = (event as { next_url?: unknown } | null)?.next_url;
  return typeof next === "string" && next.startsWith("/") ? next : first;
}

export async function handler(event: unknown, context: Context): Promise<DownloadSummary> {
  cold ??= {
    dynamo: DynamoDBDocumentClient.from(new DynamoDBClient(awsClientConfig("dynamodb"))),
    lambda: new LambdaClient(awsClientConfig("lambda")),
    ssm: new SSMClient(awsClientConfig("ssm")),
  };
  const clients = cold;
  logger.appendKeys({ function: "threat_intel_downloader" });
  const table = process.env.THREAT_INTEL_TABLE;
  if (!table) {
    throw new Error(
      "threat intel downloader: environment variable THREAT_INTEL_TABLE is not set; deploy it with modules/threat_intel",
    );
  }
  const settings = getRuntimeConfig().lambda.threat_intel_downloader_config ?? {};
  // Read on every run (a daily schedule): rotated credentials apply without a cold start.
  const credentials = await loadCredentials(clients.ssm);
  const baseUrl = process.env.THREATSTREAM_API_URL || THREATSTREAM_API_URL;
  const first = firstPagePath({
    iocTypes: stringList(settings.ioc_types),
    excludedSubTypes: stringList(settings.excluded_sub_types),
  });
  // The alias this invocation came through (`...:function:<name>:production`), so the next one
  // runs the same version.
  const qualifier = context.invokedFunctionArn.split(":")[7];
  const summary = await downloadIocs(startPathOf(event, first), {
    api: createThreatStreamApi({ credentials, baseUrl }),
    writer: createDynamoIocWriter({ client: clients.dynamo, table }),
    filter: { sources: stringList(settings.ioc_filters) },
    continueLater: async (nextPath) => {
      await clients.lambda.send(
        new InvokeCommand({
          FunctionName: context.functionName,
          Qualifier: qualifier,
          InvocationType: "Event",
          Payload: Buffer.from(JSON.stringify({ next_url: nextPath })),
        }),
      );
    },
    remainingMs: () => context.getRemainingTimeInMillis(),
    now: () => new Date(),
    logger,
  });
  logger.info("threat intel download finished", { ...summary });
  return summary;
}
