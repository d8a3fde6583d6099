import type { FileIssues } from "./issue-log";
import { ObjectReader } from "./object-reader";
import type { LambdaSettings } from "./types";

/** Settings every function block may carry (lambda.json blocks and a cluster's classifier_config). */
export const LAMBDA_SETTING_KEYS = [
  "memory",
  "timeout",
  "log_level",
  "log_retention_days",
  "concurrency_limit",
  "schedule_expression",
  "enable_custom_metrics",
  "metric_alarms",
  // alarms on custom metrics (`create-alarm`), read by modules/metric_alarms
  "custom_metric_alarms",
  "vpc_config",
] as const;

/** The global function blocks of lambda.json and the keys specific to each. */
const FUNCTION_SPECIFIC_KEYS: Record<string, readonly string[]> = {
  alert_merger_config: [],
  alert_processor_config: [],
  athena_partitioner_config: [
    "file_format",
    "buckets",
    "results_bucket",
    "database_name",
    "queue_name",
  ],
  rule_promotion_config: ["enabled", "send_digest_schedule_expression", "digest_sns_topic"],
  rules_engine_config: ["sqs_record_batch_size", "log_rule_statistics"],
  threat_intel_downloader_config: [
    "enabled",
    "interval",
    "ioc_filters",
    "ioc_keys",
    "ioc_types",
    "excluded_sub_types",
    "table_rcu",
    "table_wcu",
    "max_read_capacity",
    "min_read_capacity",
    "target_utilization",
    "autoscale",
  ],
  // StreamAlert's own lambda.json keeps an empty placeholder; the real settings live per cluster.
  classifier_config: [],
};

export const LOG_LEVELS = ["debug", "info", "warn", "warning", "error", "critical"] as const;

// The retention periods CloudWatch Logs accepts (0 = never expire).
const LOG_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
  3288, 3653,
];

export const SCHEDULE_EXPRESSION =
  /^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(.+\))$/;
const SCHEDULE_EXPECTED = 'a schedule such as "rate(5 minutes)" or "cron(0 12 * * ? *)"';
const ALARM_NAMES = ["errors", "throttles"];

function checkAlarm(alarm: ObjectReader): void {
  alarm.warnUnknownKeys(["enabled", "evaluation_periods", "period_secs", "threshold"]);
  alarm.boolean("enabled");
  alarm.integer("evaluation_periods", { min: 1 });
  const period = alarm.integer("period_secs", { min: 1 });
  if (period !== undefined && period !== 10 && period !== 30 && period % 60 !== 0) {
    alarm.fail("period_secs", "10, 30 or a multiple of 60 (CloudWatch alarm periods)");
  }
  alarm.number("threshold", { min: 0 });
}

function checkVpcConfig(vpc: ObjectReader): void {
  vpc.warnUnknownKeys(["subnet_ids", "security_group_ids"]);
  const subnets = vpc.stringList("subnet_ids", {
    pattern: /^subnet-[0-9a-f]+$/,
    expected: 'a subnet ID such as "subnet-0a1b2c3d"',
  });
  const groups = vpc.stringList("security_group_ids", {
    pattern: /^sg-[0-9a-f]+$/,
    expected: 'a security group ID such as "sg-0a1b2c3d"',
  });
  // Lambda accepts a VPC configuration only with both lists filled (or both empty).
  if (subnets && groups && (subnets.length === 0) !== (groups.length === 0)) {
    vpc.issues.error(
      vpc.path,
      "subnet_ids and security_group_ids must both be set or both be empty",
    );
  }
}

/** Checks the settings shared by every function block (unknown keys are the caller's concern). */
export function checkLambdaSettings(block: ObjectReader): void {
  block.integer("memory", { min: 128, max: 10240 });
  block.integer("timeout", { min: 1, max: 900 });
  const level = block.value.log_level;
  if (
    level !== undefined &&
    !(typeof level === "string" && (LOG_LEVELS as readonly string[]).includes(level.toLowerCase()))
  ) {
    block.fail("log_level", `one of ${LOG_LEVELS.join(", ")}`);
  }
  const retention = block.integer("log_retention_days", { min: 0 });
  if (retention !== undefined && !LOG_RETENTION_DAYS.includes(retention)) {
    block.fail(
      "log_retention_days",
      `a CloudWatch Logs retention period (${LOG_RETENTION_DAYS.join(", ")})`,
    );
  }
  block.integer("concurrency_limit", { min: 0 });
  block.string("schedule_expression", {
    pattern: SCHEDULE_EXPRESSION,
    expected: SCHEDULE_EXPECTED,
  });
  block.boolean("enable_custom_metrics");
  const alarms = block.object("metric_alarms");
  if (alarms) {
    alarms.warnUnknownKeys(ALARM_NAMES, "alarm");
    for (const name of alarms.keys()) {
      const alarm = alarms.object(name);
      if (alarm) checkAlarm(alarm);
    }
  }
  const vpc = block.object("vpc_config");
  if (vpc) checkVpcConfig(vpc);
}

function checkFunctionSpecifics(name: string, block: ObjectReader): void {
  if (name === "athena_partitioner_config") {
    block.oneOf("file_format", ["parquet", "json"]);
    const buckets = block.object("buckets");
    for (const bucket of buckets?.keys() ?? [])
      buckets?.string(bucket, { expected: 'a data label such as "data"' });
    block.string("results_bucket");
  }
  if (name === "rules_engine_config") {
    block.integer("sqs_record_batch_size", { min: 1, max: 10 });
    block.boolean("log_rule_statistics");
  }
  if (name === "rule_promotion_config") {
    block.boolean("enabled");
    block.string("send_digest_schedule_expression", {
      pattern: SCHEDULE_EXPRESSION,
      expected: SCHEDULE_EXPECTED,
    });
    block.string("digest_sns_topic");
  }
  if (name === "threat_intel_downloader_config") {
    block.boolean("enabled");
    block.stringList("ioc_types");
    block.stringList("ioc_filters");
    block.stringList("excluded_sub_types");
  }
}

/** lambda.json: one block per global function. */
export function validateLambdaFile(
  issues: FileIssues,
  raw: unknown,
): Record<string, LambdaSettings> {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return {};
  file.warnUnknownKeys(Object.keys(FUNCTION_SPECIFIC_KEYS), "function block");
  const result: Record<string, LambdaSettings> = {};
  for (const name of file.keys()) {
    const block = file.object(name);
    if (!block) continue;
    if (name in FUNCTION_SPECIFIC_KEYS) {
      block.warnUnknownKeys([...LAMBDA_SETTING_KEYS, ...FUNCTION_SPECIFIC_KEYS[name]]);
      checkLambdaSettings(block);
      checkFunctionSpecifics(name, block);
    }
    result[name] = block.value as LambdaSettings;
  }
  return result;
}
