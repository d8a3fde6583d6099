import type { SqsMessage } from "../../functions/rules_engine/engine";
import type { ClassifiedRecord, LogRecord } from "../../functions/shared/classified-record";
import { buildRuleRegistry, type RuleRegistry } from "../../functions/shared/rules/registry";
import type { Matcher, Rule } from "../../functions/shared/rules/types";

export function classified(
  record: LogRecord = { eventName: "ConsoleLogin" },
  overrides: Partial<ClassifiedRecord> = {},
): ClassifiedRecord {
  return {
    cluster: "prod",
    log_schema_type: "cloudtrail:events",
    record,
    service: "kinesis",
    resource: "prod_stream",
    data_type: "json",
    ...overrides,
  };
}

export function message(messageId: string, records: ClassifiedRecord[]): SqsMessage {
  return { messageId, body: JSON.stringify(records) };
}

/** A registry of test rules declared in one module (export name = rule name). */
export function registryOf(
  rules: Record<string, Rule>,
  matchers: Record<string, Matcher> = {},
): RuleRegistry {
  return buildRuleRegistry(
    [{ file: "rules/test/rules.ts", exports: rules }],
    [{ file: "rules/matchers/test.ts", exports: matchers }],
  );
}

/** v2 normalization as the classifier writes it. */
export function normalized(types: Record<string, string[]>): Record<string, unknown> {
  const result: Record<string, unknown> = { streamalert_record_id: "5f2c-random" };
  for (const [type, values] of Object.entries(types)) result[type] = [{ function: "", values }];
  return { streamalert_normalization: result };
}
