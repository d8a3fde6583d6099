import { SSMProvider } from "@aws-lambda-powertools/parameters/ssm";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientOptions, awsClientConfig } from "../shared/aws/client-config";
import type { StreamAlertConfig } from "../shared/config/types";
import { logger } from "../shared/logger";
import { createDynamoProcessorStore } from "./alert-store";
import { type CredentialProvider, createSsmCredentialProvider } from "./credentials";
import type { OutputService } from "./outputs/types";
import { type AlertProcessor, createAlertProcessor } from "./processor";
import type { PublisherRegistry } from "./publishers/registry";

export interface AwsAlertProcessorOptions {
  outputServices: Readonly<Record<string, OutputService>>;
  publishers: PublisherRegistry;
  clientOptions?: AwsClientOptions;
  /** default: SSM SecureString parameters through Powertools, cached */
  credentials?: CredentialProvider;
}

/** The alerts table name (env ALERTS_TABLE overrides StreamAlert's `<prefix>_streamalert_alerts`). */
export function alertsTableName(config: StreamAlertConfig): string {
  return process.env.ALERTS_TABLE ?? `${config.global.account.prefix}_streamalert_alerts`;
}

/** The processor on real AWS clients (Lambda; the local runner points them at emulators). */
export function createAwsAlertProcessor(
  config: StreamAlertConfig,
  options: AwsAlertProcessorOptions,
): AlertProcessor {
  const clientOptions = options.clientOptions ?? {};
  const documentClient = DynamoDBDocumentClient.from(
    new DynamoDBClient(awsClientConfig("dynamodb", clientOptions)),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const credentials =
    options.credentials ??
    createSsmCredentialProvider(
      new SSMProvider({ awsSdkV3Client: new SSMClient(awsClientConfig("ssm", clientOptions)) }),
    );
  return createAlertProcessor({
    store: createDynamoProcessorStore({ client: documentClient, table: alertsTableName(config) }),
    outputServices: options.outputServices,
    outputsConfig: config.outputs,
    prefix: config.global.account.prefix,
    credentials,
    publishers: options.publishers,
    logger,
  });
}
