import {
  type Alert,
  alertOutputs,
  alertPublishers,
  deterministicAlertId,
  EPOCH,
} from "../shared/alert";
import type { ClassifiedRecord } from "../shared/classified-record";
import { logger as defaultLogger } from "../shared/logger";
import { evaluateRule } from "../shared/rules/evaluate";
import { type LookupTableReader, setLookupTableReader } from "../shared/rules/lookup-tables";
import type { RegisteredRule, RuleRegistry } from "../shared/rules/registry";
import type { ThreatIntel } from "../shared/threat-intel";
import type { AlertWriter } from "./alert-writer";
import { type MetricsSink, noMetrics, RulesEngineMetric } from "./metrics";
import { parseMessageBody } from "./parse-messages";
import type { RuleStaging } from "./rule-staging";

export interface SqsMessage {
  messageId: string;
  body: string;
}

export interface ProcessResult {
  /** SQS partial batch response: only messages whose alerts could not be written */
  batchItemFailures: Array<{ itemIdentifier: string }>;
  records: number;
  alerts: number;
  malformedMessages: number;
}

export type EngineLogger = Pick<typeof defaultLogger, "error" | "warn" | "info" | "debug">;

export interface RulesEngineOptions {
  registry: RuleRegistry;
  alertWriter: AlertWriter;
  /** from `createThreatIntel(config, lookup)`; undefined when threat intel is off */
  threatIntel?: ThreatIntel;
  /** installed for rules (`lookupTables.get`) when the engine is created */
  lookupTables?: LookupTableReader;
  /** staged rules alert only to the required outputs; none staged when absent */
  ruleStaging?: RuleStaging;
  metrics?: MetricsSink;
  logger?: EngineLogger;
  now?: () => Date;
}

export interface RulesEngine {
  processMessages(messages: readonly SqsMessage[]): Promise<ProcessResult>;
  /** the classified records of one call, as alerts (the rule test command, benchmarks) */
  processRecords(records: readonly ClassifiedRecord[]): Promise<Alert[]>;
}

/**
 * The rules engine core (SPEC §4): classified records → threat intel → the rules for each
 * record's log type and normalized types → alerts written through `alertWriter`.
 */
export function createRulesEngine(options: RulesEngineOptions): RulesEngine {
  const { registry, alertWriter, threatIntel, ruleStaging } = options;
  const metrics = options.metrics ?? noMetrics;
  const log = options.logger ?? defaultLogger;
  const now = options.now ?? (() => new Date());
  if (options.lookupTables) setLookupTableReader(options.lookupTables);

  /** Alerts of every record, grouped by the index of the message they came from. */
  async function evaluate(groups: readonly ClassifiedRecord[][]): Promise<Alert[][]> {
    const ruleErrors = new Map<string, number>();
    const onError = (rule: RegisteredRule, error: unknown) => {
      ruleErrors.set(rule.name, (ruleErrors.get(rule.name) ?? 0) + 1);
      log.error("Rule raised an error; treated as no match", {
        rule: rule.name,
        file: rule.file,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    };
    const created = now();
    const alertsByGroup: Alert[][] = groups.map(() => []);
    const pending: Promise<void>[] = [];

    groups.forEach((records, groupIndex) => {
      const alerts = alertsByGroup[groupIndex];
      const usedIds = new Set<string>();
      const addAlert = (rule: RegisteredRule, payload: ClassifiedRecord) => {
        alerts.push(buildAlert(rule, payload, created, usedIds, onError));
      };
      for (const payload of records) {
        const rules = registry.rulesFor(payload.log_schema_type, payload.record);
        for (const rule of rules) {
          const matched = evaluateRule(rule, payload.record, onError);
          if (matched === true) addAlert(rule, payload);
          else if (matched !== false) {
            pending.push(matched.then((hit) => (hit ? addAlert(rule, payload) : undefined)));
          }
        }
      }
    });
    if (pending.length > 0) await Promise.all(pending);
    for (const [rule, count] of ruleErrors) {
      metrics.count(RulesEngineMetric.RuleErrors, count, { RuleName: rule });
    }
    return alertsByGroup;
  }

  function buildAlert(
    rule: RegisteredRule,
    payload: ClassifiedRecord,
    created: Date,
    usedIds: Set<string>,
    onError: (rule: RegisteredRule, error: unknown) => void,
  ): Alert {
    const staged = ruleStaging?.isStaged(rule.name) ?? false;
    const outputs = alertOutputs(rule, payload.record, staged, (error) => onError(rule, error));
    // Identical records in one message get distinct ids (0th, 1st, ... occurrence), stable
    // across redelivery because the message body does not change.
    let occurrence = 0;
    let alertId = deterministicAlertId(rule.name, payload, occurrence);
    while (usedIds.has(alertId)) alertId = deterministicAlertId(rule.name, payload, ++occurrence);
    usedIds.add(alertId);
    const alert: Alert = {
      ruleName: rule.name,
      alertId,
      attempts: 0,
      cluster: payload.cluster,
      context: rule.context ?? {},
      created,
      dispatched: EPOCH,
      logSource: payload.log_schema_type,
      logType: payload.data_type ?? "",
      mergeByKeys: rule.mergeByKeys ?? [],
      mergeWindowMins: rule.mergeWindowMins ?? 0,
      outputs,
      outputsSent: [],
      publishers: alertPublishers(rule.publishers, outputs),
      record: payload.record,
      ruleDescription: rule.description ?? "",
      sourceEntity: payload.resource,
      sourceService: payload.service,
      staged,
    };
    if (rule.severity) alert.severity = rule.severity;
    if (rule.tags && rule.tags.length > 0) alert.tags = rule.tags;
    if (rule.runbook) alert.runbook = rule.runbook;
    if (rule.mergeSendFirst) alert.mergeSendFirst = true;
    if (rule.title) {
      try {
        alert.title = String(rule.title(payload.record));
      } catch (error) {
        onError(rule, error);
      }
    }
    return alert;
  }

  async function enrich(records: readonly ClassifiedRecord[]): Promise<void> {
    if (!threatIntel || records.length === 0) return;
    try {
      await threatIntel.enrich(records);
    } catch (error) {
      // Intel enriches; it must not stop the rules that do not depend on it.
      log.error("Threat intel lookup failed; records run without IOC data", {
        error: String(error),
      });
    }
  }

  return {
    async processMessages(messages) {
      await ruleStaging?.refreshIfDue();
      let malformed = 0;
      const groups = messages.map((message) => {
        const { records, problems } = parseMessageBody(message.body);
        if (problems.length > 0) {
          malformed++;
          log.error("Malformed classified-records message; bad entries skipped, not retried", {
            messageId: message.messageId,
            problems: problems.slice(0, 5),
          });
        }
        return records;
      });
      if (malformed > 0) metrics.count(RulesEngineMetric.MalformedMessages, malformed);
      if (threatIntel) await enrich(groups.flat());
      const alertsByGroup = await evaluate(groups);

      const all = alertsByGroup.flat();
      const messageOf = new Map<Alert, string>();
      alertsByGroup.forEach((alerts, index) => {
        for (const alert of alerts) messageOf.set(alert, messages[index].messageId);
      });
      const failedMessages = new Set<string>();
      if (all.length > 0) {
        const result = await alertWriter.write(all);
        for (const { alert, error } of result.failed) {
          failedMessages.add(messageOf.get(alert) as string);
          log.error("Alert could not be written; its message will be redelivered", {
            rule: alert.ruleName,
            alertId: alert.alertId,
            error: String(error),
          });
        }
        if (result.failed.length > 0) {
          metrics.count(RulesEngineMetric.FailedDynamoWrites, result.failed.length);
        }
      }
      metrics.count(RulesEngineMetric.TriggeredAlerts, all.length);
      return {
        batchItemFailures: [...failedMessages].map((itemIdentifier) => ({ itemIdentifier })),
        records: groups.reduce((sum, records) => sum + records.length, 0),
        alerts: all.length,
        malformedMessages: malformed,
      };
    },

    async processRecords(records) {
      await ruleStaging?.refreshIfDue();
      await enrich(records);
      return (await evaluate([[...records]])).flat();
    },
  };
}
