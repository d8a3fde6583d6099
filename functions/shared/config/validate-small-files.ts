import type { FileIssues } from "./issue-log";
import { ObjectReader } from "./object-reader";
import type { NormalizedTypesConfig } from "./types";
import { LOG_LEVELS, SCHEDULE_EXPRESSION } from "./validate-lambda";

/** normalized_types.json (legacy v1): family → normalized type → field names. */
export function validateNormalizedTypesFile(
  issues: FileIssues,
  raw: unknown,
): NormalizedTypesConfig {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return {};
  const result: NormalizedTypesConfig = {};
  for (const family of file.keys()) {
    const types = file.object(family);
    if (!types) continue;
    let valid = true;
    for (const type of types.keys())
      valid =
        types.stringList(type, { nonEmpty: true, expected: "a field name" }) !== undefined && valid;
    if (valid) result[family] = types.value as Record<string, string[]>;
  }
  return result;
}

/** scheduled_queries.json: `{enabled, config, packs, lambda_config}` as in StreamAlert v3. */
export function validateScheduledQueriesFile(
  issues: FileIssues,
  raw: unknown,
): Record<string, unknown> | undefined {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return undefined;
  file.warnUnknownKeys(["enabled", "config", "packs", "lambda_config"]);
  file.boolean("enabled");
  const config = file.object("config");
  config?.warnUnknownKeys(["destination_kinesis_stream", "sfn_timeout_secs", "sfn_wait_secs"]);
  config?.string("destination_kinesis_stream");
  config?.integer("sfn_timeout_secs", { min: 1 });
  config?.integer("sfn_wait_secs", { min: 1 });
  const packs = file.object("packs");
  for (const name of packs?.keys() ?? []) {
    const pack = packs?.object(name);
    pack?.warnUnknownKeys(["description", "schedule_expression"]);
    pack?.string("description");
    pack?.string("schedule_expression", {
      required: true,
      pattern: SCHEDULE_EXPRESSION,
      expected: 'a schedule such as "rate(1 hour)"',
    });
  }
  const lambda = file.object("lambda_config");
  if (lambda) {
    lambda.warnUnknownKeys([
      "log_level",
      "log_retention_days",
      "memory",
      "timeout",
      "alarms_enabled",
      "error_threshold",
      "error_period_secs",
      "error_evaluation_periods",
    ]);
    lambda.oneOf("log_level", LOG_LEVELS);
    lambda.integer("log_retention_days", { min: 0 });
    lambda.integer("memory", { min: 128, max: 10240 });
    lambda.integer("timeout", { min: 1, max: 900 });
    lambda.boolean("alarms_enabled");
    lambda.number("error_threshold", { min: 0 });
    lambda.integer("error_period_secs", { min: 1 });
    lambda.integer("error_evaluation_periods", { min: 1 });
  }
  return file.value;
}
