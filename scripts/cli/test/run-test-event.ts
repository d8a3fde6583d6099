// One test event through the real cores (SPEC §4.6): wrapped in its service's Lambda event,
// classified by processEvent, then (unless classify_only) run through the rules engine core with
// the event's fixtures, its alerts' publications checked against publisher_tests.
import type { ClassifierCore } from "../../../functions/classifier/classifier";
import { createMemoryAlertWriter } from "../../../functions/rules_engine/alert-writer";
import { createRulesEngine, type EngineLogger } from "../../../functions/rules_engine/engine";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import { createStaticLookupTableReader } from "../../../functions/shared/lookup-tables";
import type { RuleRegistry } from "../../../functions/shared/rules/registry";
import { createStaticIocLookup, createThreatIntel } from "../../../functions/shared/threat-intel";
import { classifyTestEvent } from "./classify-test-event";
import { wrapInLambdaEvent } from "./lambda-event";
import { recordFromOverride } from "./override-record";
import { type ComposeForOutput, checkPublisherTests } from "./publisher-tests";
import type { TestEvent } from "./test-event";
import { applyTestHelpers } from "./test-helpers";

export interface TestRunContext {
  config: StreamAlertConfig;
  /** `test classifier`: classification only, and warn about records two schemas match */
  classifyOnly: boolean;
  registry: RuleRegistry;
  /** the compiled classifier of the cluster that reads this service's source, if any */
  classifierFor(service: string, source: string): ClassifierCore | undefined;
  composer(): Promise<ComposeForOutput>;
  now(): number;
}

export interface EventResult {
  index: number;
  description: string;
  passed: boolean;
  /** why it failed: expected versus actual, one line each */
  failures: string[];
  /** worth knowing even when it passed (second matching schema, rule errors) */
  notes: string[];
}

// StreamAlert's defaults, for a conf whose threat_intel.json names no normalized IOC types
const DEFAULT_IOC_TYPES = {
  ip: ["sourceAddress", "destinationAddress"],
  domain: ["destinationDomain"],
  md5: ["fileHash"],
};

export async function runTestEvent(
  original: TestEvent,
  index: number,
  ctx: TestRunContext,
): Promise<EventResult> {
  const event = applyTestHelpers(original, ctx.now());
  const result: EventResult = {
    index,
    description: event.description,
    passed: false,
    failures: [],
    notes: [],
  };
  const fail = (line: string) => {
    result.failures.push(line);
    return result;
  };
  const logSchema = Object.hasOwn(ctx.config.logs, event.log)
    ? ctx.config.logs[event.log]
    : undefined;
  if (!logSchema) return fail(`log type "${event.log}" is not defined in the schemas`);
  const classifier = ctx.classifierFor(event.service, event.source);
  if (!classifier) {
    return fail(`no cluster has ${event.service} source "${event.source}" in its data_sources`);
  }
  const data = event.override_record
    ? recordFromOverride(logSchema, event.override_record)
    : (event.data as Record<string, unknown> | unknown[] | string);
  const wrapped = wrapInLambdaEvent({
    service: event.service,
    source: event.source,
    data,
    compress: event.compress,
    region: ctx.config.global.account?.region,
    accountId: ctx.config.global.account?.aws_account_id,
  });
  const classified = await classifyTestEvent(classifier, wrapped, {
    checkAmbiguity: ctx.classifyOnly,
  });
  for (const { logTypes } of classified.ambiguous) {
    result.notes.push(`also matches another schema: ${logTypes.join(", ")} (the first one wins)`);
  }
  const logTypes = [...new Set(classified.records.map((record) => record.log_schema_type))];
  if (logTypes.length === 0) {
    fail(`log type: expected ${event.log}, got nothing (not classified)`);
    for (const problem of classified.problems) result.failures.push(`  ${problem}`);
    return result;
  }
  if (logTypes.some((logType) => logType !== event.log)) {
    return fail(`log type: expected ${event.log}, got ${logTypes.join(", ")}`);
  }
  if (ctx.classifyOnly || event.classify_only || event.validate_schema_only) {
    result.passed = true;
    return result;
  }

  const ruleErrors: string[] = [];
  const intel = event.test_fixtures?.threat_intel;
  const engine = createRulesEngine({
    registry: ctx.registry,
    alertWriter: createMemoryAlertWriter(),
    threatIntel: intel
      ? createThreatIntel(
          intelConfig(ctx.config),
          createStaticIocLookup(
            intel.map((item) => ({ ...item, ioc_value: String(item.ioc_value) })),
          ),
        )
      : undefined,
    lookupTables: createStaticLookupTableReader(event.test_fixtures?.lookup_tables ?? {}),
    logger: errorCollector(ruleErrors),
  });
  const alerts = await engine.processRecords(classified.records);
  result.notes.push(...ruleErrors);

  const triggered = new Set(alerts.map((alert) => alert.ruleName));
  const expected = new Set(
    (event.trigger_rules ?? []).filter((name) => !ctx.registry.get(name)?.disabled),
  );
  const missing = [...expected].filter((name) => !triggered.has(name)).sort();
  const unexpected = [...triggered].filter((name) => !expected.has(name)).sort();
  if (missing.length > 0 || unexpected.length > 0) {
    result.failures.push(
      `rules: expected [${[...expected].sort().join(", ")}], got [${[...triggered].sort().join(", ")}]`,
    );
    if (missing.length > 0) {
      const named = missing.map((name) =>
        ctx.registry.get(name) ? name : `${name} (no such rule)`,
      );
      result.failures.push(`  missing: ${named.join(", ")}`);
    }
    if (unexpected.length > 0) result.failures.push(`  unexpected: ${unexpected.join(", ")}`);
  }
  if (event.publisher_tests && !event.skip_publishers) {
    const tests = event.publisher_tests as Record<string, unknown[]>;
    result.failures.push(...checkPublisherTests(tests, alerts, await ctx.composer()));
  }
  result.passed = result.failures.length === 0;
  return result;
}

/** Threat intel switched on for this run, for every cluster (fixtures stand in for the table). */
function intelConfig(config: StreamAlertConfig) {
  const clusters = Object.fromEntries(
    Object.entries(config.clusters).map(([name, cluster]) => [
      name,
      { ...cluster, enable_threat_intel: true },
    ]),
  );
  const types = config.threatIntel.normalized_ioc_types;
  return {
    clusters,
    threatIntel: {
      ...config.threatIntel,
      enabled: true,
      normalized_ioc_types: types && Object.keys(types).length > 0 ? types : DEFAULT_IOC_TYPES,
    },
  };
}

/** The engine's error lines (a rule that threw) as notes; everything else is dropped. */
function errorCollector(lines: string[]): EngineLogger {
  const ignore = () => undefined;
  return {
    error(input: unknown, ...extra: unknown[]) {
      const details = extra.find((item) => typeof item === "object" && item !== null) as
        | { rule?: unknown; error?: unknown }
        | undefined;
      const error = String(details?.error ?? "").split("\n")[0];
      lines.push(
        details?.rule === undefined ? String(input) : `rule ${details.rule} raised: ${error}`,
      );
    },
    warn: ignore,
    info: ignore,
    debug: ignore,
  };
}
