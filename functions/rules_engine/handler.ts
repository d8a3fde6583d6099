import { Metrics } from "@aws-lambda-powertools/metrics";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import type { AwsClientOptions } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { buildRuleRegistry, type RuleRegistry } from "../shared/rules/registry";
import { getRuntimeConfig } from "../shared/runtime-config";
import type { RulesEngine } from "./engine";
import { powertoolsMetricsSink } from "./metrics";
import { matcherModules, ruleModules } from "./rules-index";
import { createAwsRulesEngine } from "./wiring";

const metrics = new Metrics({ namespace: "StreamAlert", serviceName: "rules_engine" });
let registry: RuleRegistry | undefined;
let engine: RulesEngine | undefined;
let clientOptions: AwsClientOptions = {};

/**
 * Use this registry instead of the bundled rules index (tests, the local runner); the next
 * invocation rebuilds the engine. Optional client options point the SDK at emulators.
 */
export function setRegistry(next: RuleRegistry | undefined, options: AwsClientOptions = {}): void {
  registry = next;
  clientOptions = options;
  engine = undefined;
}

// Built once per cold start: the registry (validated; a bad rule set fails the cold start
// loudly rather than silently skipping rules), the config and the SDK clients.
function coldStart(): RulesEngine {
  const config = getRuntimeConfig();
  registry ??= buildRuleRegistry(ruleModules, matcherModules);
  logger.appendKeys({ function: "rules_engine" });
  logger.info("Rules engine ready", { rules: registry.rules.length });
  return createAwsRulesEngine(config, registry, powertoolsMetricsSink(metrics), clientOptions);
}

/** SQS batch of classified records → alerts; only messages whose alerts failed are retried. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  engine ??= coldStart();
  try {
    const result = await engine.processMessages(
      event.Records.map((record) => ({ messageId: record.messageId, body: record.body })),
    );
    return { batchItemFailures: result.batchItemFailures };
  } finally {
    metrics.publishStoredMetrics();
  }
}
