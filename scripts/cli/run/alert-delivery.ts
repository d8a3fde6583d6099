// The alert merger → alert processor half of a local run, on the alerts table in dynalite. The
// merger's Lambda invoke of the processor runs the processor in this process. Time is simulated:
// after the first merger run, the merger's clock jumps past the processor timeout and the
// longest merge window, so retries happen and merge windows close without waiting for them.
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import { createDynamoMergerTable } from "../../../functions/alert_merger/dynamo-alert-table";
import type { AlertProcessorInvoker } from "../../../functions/alert_merger/invoker";
import { createAlertMerger, type MergerLogger } from "../../../functions/alert_merger/merger";
import { createDynamoProcessorStore } from "../../../functions/alert_processor/alert-store";
import {
  createMapCredentialProvider,
  createSsmCredentialProvider,
} from "../../../functions/alert_processor/credentials";
import {
  createAlertProcessor,
  type ProcessorLogger,
} from "../../../functions/alert_processor/processor";
import type { PublisherRegistry } from "../../../functions/alert_processor/publishers/registry";
import {
  type Alert,
  fromItem,
  REQUIRED_OUTPUTS,
  remainingOutputs,
} from "../../../functions/shared/alert";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import type { RuleRegistry } from "../../../functions/shared/rules/registry";
import type { Emulators } from "./emulators";
import type { LocalOutputs } from "./local-outputs";
import type { LocalResources } from "./local-resources";
import type { Undelivered } from "./summary";

/**
 * Merger runs that only retry alerts sent before (an output keeps failing) before the run gives
 * up on them; runs that dispatch or merge anything new always continue.
 */
const MAX_RETRY_RUNS = 3;

export interface DeliveryResult {
  deliveries: Map<string, number>;
  mergedAlerts: number;
  undelivered: Undelivered[];
}

export interface DeliveryDeps {
  config: StreamAlertConfig;
  registry: RuleRegistry;
  publishers: PublisherRegistry;
  emulators: Emulators;
  resources: LocalResources;
  outputs: LocalOutputs;
  logger: MergerLogger & ProcessorLogger;
  now?: () => Date;
}

export async function deliverAlerts(deps: DeliveryDeps): Promise<DeliveryResult> {
  const { config, emulators, resources, outputs } = deps;
  const client = DynamoDBDocumentClient.from(emulators.dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const store = createDynamoProcessorStore({ client, table: resources.alertsTable });
  const processor = createAlertProcessor({
    store,
    outputServices: outputs.services,
    outputsConfig: config.outputs,
    prefix: config.global.account.prefix,
    credentials: outputs.redirected ? createMapCredentialProvider({}) : await ssmCredentials(),
    publishers: deps.publishers,
    logger: deps.logger,
  });

  const deliveries = new Map<string, number>();
  const lastErrors = new Map<string, string>();
  const dispatched = new Set<string>();
  let firstDispatches = 0;
  const invoker: AlertProcessorInvoker = {
    async invoke(payload) {
      const event = JSON.parse(payload) as Record<string, unknown>;
      const alertId = String(event.AlertID);
      if (!dispatched.has(alertId)) {
        dispatched.add(alertId);
        firstDispatches++;
      }
      const item = event.Record === undefined ? await store.get(keyOf(event)) : event;
      const result = await processor.process(event);
      const sent: string[] = [];
      for (const [output, outcome] of Object.entries(result.outputs)) {
        const key = `${result.alertId}\u0000${output}`;
        if (outcome.sent) {
          deliveries.set(output, (deliveries.get(output) ?? 0) + 1);
          lastErrors.delete(key);
          sent.push(output);
        } else {
          lastErrors.set(key, outcome.error ?? "not sent");
        }
      }
      const shown = sent.filter((output) => !REQUIRED_OUTPUTS.includes(output)).sort();
      const alert = item && shown.length > 0 ? readAlert(item) : undefined;
      if (alert) {
        await outputs.console.dispatch({
          alert: { ...alert, outputs: shown },
          descriptor: "stdout",
          publication: {},
        });
      }
    },
  };

  let clock = deps.now?.() ?? new Date();
  const merger = createAlertMerger({
    table: createDynamoMergerTable({ client, table: resources.alertsTable }),
    invoker,
    processorTimeoutSec: processorTimeoutSec(config),
    now: () => clock,
    logger: deps.logger,
  });
  const longestWindowSec = Math.max(
    0,
    ...deps.registry.rules.map((rule) => (rule.mergeWindowMins ?? 0) * 60),
  );
  const step = (Math.max(processorTimeoutSec(config), longestWindowSec) + 1) * 1000;
  let mergedAlerts = 0;
  let retryRuns = 0;
  for (;;) {
    firstDispatches = 0;
    const summary = await merger.run();
    mergedAlerts += summary.merged;
    if (await isEmpty(emulators, resources.alertsTable)) break;
    if (firstDispatches === 0 && summary.merged === 0 && ++retryRuns >= MAX_RETRY_RUNS) break;
    clock = new Date(clock.getTime() + step);
  }

  const undelivered: Undelivered[] = [];
  for await (const page of paginateScan({ client }, { TableName: resources.alertsTable })) {
    for (const item of page.Items ?? []) {
      const alert = readAlert(item);
      if (!alert) continue;
      for (const output of remainingOutputs({ ...alert, mergeByKeys: [], mergeWindowMins: 0 })) {
        const error = lastErrors.get(`${alert.alertId}\u0000${output}`) ?? "not sent";
        undelivered.push({ rule: alert.ruleName, alertId: alert.alertId, output, error });
      }
    }
  }
  return { deliveries, mergedAlerts, undelivered };
}

function processorTimeoutSec(config: StreamAlertConfig): number {
  const timeout = Number(config.lambda.alert_processor_config?.timeout);
  return Number.isFinite(timeout) && timeout > 0 ? timeout : 60;
}

async function ssmCredentials() {
  const { SSMProvider } = await import("@aws-lambda-powertools/parameters/ssm");
  const { SSMClient } = await import("@aws-sdk/client-ssm");
  const { awsClientConfig } = await import("../../../functions/shared/aws/client-config");
  return createSsmCredentialProvider(
    new SSMProvider({ awsSdkV3Client: new SSMClient(awsClientConfig("ssm")) }),
  );
}

function keyOf(event: Record<string, unknown>) {
  return { RuleName: String(event.RuleName), AlertID: String(event.AlertID) };
}

function readAlert(item: Record<string, unknown>): Alert | undefined {
  try {
    return fromItem(item);
  } catch {
    return undefined;
  }
}

async function isEmpty(emulators: Emulators, table: string): Promise<boolean> {
  const response = await emulators.dynamodb.send(
    new ScanCommand({ TableName: table, Limit: 1, ConsistentRead: true }),
  );
  return (response.Count ?? 0) === 0;
}
