// The rules engine core wired as functions/rules_engine/wiring.ts wires it in Lambda (alerts
// table writer, threat intel, lookup tables, rule staging), on the emulators' clients, with the
// alert writer counting what it stores per rule for the run summary.
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  type AlertWriter,
  createDynamoAlertWriter,
} from "../../../functions/rules_engine/alert-writer";
import {
  createRulesEngine,
  type EngineLogger,
  type RulesEngine,
} from "../../../functions/rules_engine/engine";
import { createDynamoRuleStaging } from "../../../functions/rules_engine/rule-staging";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import {
  createLookupTableDrivers,
  createLookupTableReader,
} from "../../../functions/shared/lookup-tables";
import type { RuleRegistry } from "../../../functions/shared/rules/registry";
import { createDynamoIocLookup, createThreatIntel } from "../../../functions/shared/threat-intel";
import type { Emulators } from "./emulators";
import type { LocalResources } from "./local-resources";

export interface AlertCounts {
  /** new alerts stored, per rule */
  perRule: Map<string, number>;
  /** alerts already stored (the same record seen again): not alerted twice */
  duplicates: number;
  /** alerts that could not be stored */
  failed: number;
}

export function createLocalRulesEngine(
  config: StreamAlertConfig,
  registry: RuleRegistry,
  emulators: Emulators,
  resources: LocalResources,
  logger: EngineLogger,
): { engine: RulesEngine; counts: AlertCounts } {
  const dynamodb = DynamoDBDocumentClient.from(emulators.dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const counts: AlertCounts = { perRule: new Map(), duplicates: 0, failed: 0 };
  const seen = new Set<string>();
  const stored = createDynamoAlertWriter({ client: dynamodb, table: resources.alertsTable });
  const countingWriter: AlertWriter = {
    async write(alerts) {
      const result = await stored.write(alerts);
      const failed = new Set(result.failed.map(({ alert }) => alert));
      // The table starts empty each run, so an id seen before in this run is the duplicate
      // the conditional write refused (the writer reports only how many there were).
      for (const alert of alerts) {
        if (failed.has(alert)) continue;
        if (seen.has(alert.alertId)) continue;
        seen.add(alert.alertId);
        counts.perRule.set(alert.ruleName, (counts.perRule.get(alert.ruleName) ?? 0) + 1);
      }
      counts.duplicates += result.duplicates;
      counts.failed += result.failed.length;
      return result;
    },
  };
  const staging = config.global.infrastructure.rule_staging;
  const engine = createRulesEngine({
    registry,
    alertWriter: countingWriter,
    threatIntel: createThreatIntel(
      config,
      createDynamoIocLookup({ client: dynamodb, table: resources.threatIntelTable }),
    ),
    lookupTables: createLookupTableReader(
      createLookupTableDrivers(config.lookupTables, {
        s3: () => emulators.s3,
        dynamodb: () => dynamodb,
      }),
    ),
    ruleStaging: staging?.enabled
      ? createDynamoRuleStaging({
          client: dynamodb,
          table: resources.rulesTable,
          cacheRefreshMinutes: staging.cache_refresh_minutes,
          onError: (error) => logger.error("Rules table refresh failed", { error: String(error) }),
        })
      : undefined,
    logger,
  });
  return { engine, counts };
}
