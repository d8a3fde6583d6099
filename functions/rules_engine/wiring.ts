import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientOptions, awsClientConfig } from "../shared/aws/client-config";
import type { StreamAlertConfig } from "../shared/config/types";
import { logger } from "../shared/logger";
import { createLookupTableDrivers, createLookupTableReader } from "../shared/lookup-tables";
import type { RuleRegistry } from "../shared/rules/registry";
import { createDynamoIocLookup, createThreatIntel } from "../shared/threat-intel";
import { createDynamoAlertWriter } from "./alert-writer";
import { createRulesEngine, type RulesEngine } from "./engine";
import type { MetricsSink } from "./metrics";
import { createDynamoRuleStaging } from "./rule-staging";

/** Table names the deployed functions use (StreamAlert's names; env overrides for tests). */
export function rulesEngineTables(config: StreamAlertConfig) {
  const prefix = config.global.account.prefix;
  return {
    alerts: process.env.ALERTS_TABLE ?? `${prefix}_streamalert_alerts`,
    rules: process.env.RULES_TABLE ?? `${prefix}_streamalert_rules`,
    threatIntel:
      config.threatIntel.dynamodb_table_name ?? `${prefix}_streamalert_threat_intel_downloader`,
  };
}

/**
 * The rules engine on real AWS clients (Lambda and the local runner on emulators): alerts table
 * writer, threat intel, lookup tables and rule staging, each only when configured.
 */
export function createAwsRulesEngine(
  config: StreamAlertConfig,
  registry: RuleRegistry,
  metrics: MetricsSink,
  clientOptions: AwsClientOptions = {},
): RulesEngine {
  const tables = rulesEngineTables(config);
  let documentClient: DynamoDBDocumentClient | undefined;
  const dynamodb = () => {
    documentClient ??= DynamoDBDocumentClient.from(
      new DynamoDBClient(awsClientConfig("dynamodb", clientOptions)),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    return documentClient;
  };
  let s3Client: S3Client | undefined;
  const s3 = () => {
    s3Client ??= new S3Client(awsClientConfig("s3", clientOptions));
    return s3Client;
  };
  const staging = config.global.infrastructure.rule_staging;
  return createRulesEngine({
    registry,
    alertWriter: createDynamoAlertWriter({ client: dynamodb(), table: tables.alerts }),
    threatIntel: createThreatIntel(
      config,
      createDynamoIocLookup({ client: dynamodb(), table: tables.threatIntel }),
    ),
    lookupTables: createLookupTableReader(
      createLookupTableDrivers(config.lookupTables, { s3, dynamodb }),
    ),
    ruleStaging: staging?.enabled
      ? createDynamoRuleStaging({
          client: dynamodb(),
          table: tables.rules,
          cacheRefreshMinutes: staging.cache_refresh_minutes,
          onError: (error) => logger.error("Rules table refresh failed", { error: String(error) }),
        })
      : undefined,
    metrics,
    logger,
  });
}
