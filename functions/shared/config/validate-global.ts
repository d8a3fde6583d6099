import type { FileIssues } from "./issue-log";
import { expandLogTypeReference, unknownLogReferenceMessage } from "./log-types";
import { ObjectReader } from "./object-reader";
import type { GlobalConfig, LogSchema } from "./types";

export const ACCOUNT_ID = /^\d{12}$/;
// Regions as AWS names them: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-4.
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
// The prefix ends up in S3 bucket names (`<prefix>-streamalerts`), which allow neither capitals
// nor underscores, and in function names joined with underscores.
const PREFIX = /^[a-z0-9]+$/;
export const BUCKET_NAME = /^(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const BUCKET_EXPECTED = "an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)";

const SECTIONS = ["account", "general", "infrastructure", "terraform"];
const LOCATION_KEYS = [
  "rule_locations",
  "matcher_locations",
  "publisher_locations",
  "scheduled_query_locations",
];
// Python deployment settings of StreamAlert: accepted so its global.json loads, but unused here.
const PYTHON_ONLY_GENERAL_KEYS = ["third_party_libraries", "terraform_files"];
const INFRASTRUCTURE_KEYS = [
  "alerts_table",
  "alerts_firehose",
  "classifier_sqs",
  "firehose",
  "monitoring",
  "rule_staging",
  "artifact_extractor",
  "s3_access_logging",
];

function checkAccount(account: ObjectReader): void {
  account.warnUnknownKeys(["aws_account_id", "prefix", "region", "kms_key_alias"]);
  account.string("aws_account_id", {
    required: true,
    pattern: ACCOUNT_ID,
    expected: 'a 12-digit AWS account ID as a string, such as "123456789012"',
  });
  account.string("prefix", {
    required: true,
    pattern: PREFIX,
    expected: "lowercase letters and digits only (it is used in S3 bucket names)",
  });
  account.string("region", {
    required: true,
    pattern: REGION,
    expected: 'an AWS region such as "us-east-1"',
  });
  account.string("kms_key_alias", {
    pattern: /^(alias\/)?[A-Za-z0-9/_-]+$/,
    expected: "a KMS key alias",
  });
}

function checkGeneral(general: ObjectReader): void {
  general.warnUnknownKeys([...LOCATION_KEYS, ...PYTHON_ONLY_GENERAL_KEYS]);
  for (const key of LOCATION_KEYS) general.stringList(key);
  for (const key of PYTHON_ONLY_GENERAL_KEYS) {
    const value = general.value[key];
    // StreamAlert's stock file carries an empty list; only a filled one means someone expects it.
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    general.issues.warn(general.at(key), "is a setting of the Python StreamAlert and is ignored");
  }
}

function checkCapacity(table: ObjectReader, keys: readonly string[]): void {
  for (const key of keys) table.integer(key, { min: 1 });
}

function checkFirehoseBuffers(block: ObjectReader, sizeKey: string, intervalKey: string): void {
  block.integer(sizeKey, { min: 1, max: 128 });
  block.integer(intervalKey, { min: 60, max: 900 });
}

function checkFirehose(firehose: ObjectReader, logs: Record<string, LogSchema>): void {
  firehose.warnUnknownKeys([
    "enabled",
    "use_prefix",
    "enabled_logs",
    "buffer_size",
    "buffer_interval",
    "bucket_name",
    "compression_format",
  ]);
  firehose.boolean("enabled");
  firehose.boolean("use_prefix");
  checkFirehoseBuffers(firehose, "buffer_size", "buffer_interval");
  firehose.string("bucket_name", { pattern: BUCKET_NAME, expected: BUCKET_EXPECTED });
  firehose.oneOf("compression_format", ["GZIP", "Snappy", "ZIP", "UNCOMPRESSED"]);
  const enabledLogs = firehose.object("enabled_logs");
  for (const name of enabledLogs?.keys() ?? []) {
    const settings = enabledLogs?.object(name);
    if (expandLogTypeReference(logs, name).length === 0) {
      enabledLogs?.issues.error(enabledLogs.at(name), unknownLogReferenceMessage(logs, name));
    }
    if (!settings) continue;
    settings.warnUnknownKeys([
      "enable_alarm",
      "evaluation_periods",
      "period_seconds",
      "log_min_count_threshold",
      "alarm_actions",
    ]);
    settings.boolean("enable_alarm");
    settings.integer("evaluation_periods", { min: 1 });
    settings.integer("period_seconds", { min: 60 });
    settings.integer("log_min_count_threshold", { min: 0 });
    if (typeof settings.value.alarm_actions !== "string") settings.stringList("alarm_actions");
  }
}

function checkInfrastructure(infrastructure: ObjectReader, logs: Record<string, LogSchema>): void {
  infrastructure.warnUnknownKeys(INFRASTRUCTURE_KEYS);
  const alertsTable = infrastructure.object("alerts_table");
  if (alertsTable) checkCapacity(alertsTable, ["read_capacity", "write_capacity"]);
  const alertsFirehose = infrastructure.object("alerts_firehose");
  if (alertsFirehose) {
    alertsFirehose.warnUnknownKeys([
      "bucket_name",
      "buffer_size",
      "buffer_interval",
      "cloudwatch_log_retention",
    ]);
    alertsFirehose.string("bucket_name", { pattern: BUCKET_NAME, expected: BUCKET_EXPECTED });
    checkFirehoseBuffers(alertsFirehose, "buffer_size", "buffer_interval");
    alertsFirehose.integer("cloudwatch_log_retention", { min: 0 });
  }
  const classifierSqs = infrastructure.object("classifier_sqs");
  classifierSqs?.warnUnknownKeys(["use_prefix"]);
  classifierSqs?.boolean("use_prefix");
  const firehose = infrastructure.object("firehose");
  if (firehose) checkFirehose(firehose, logs);
  const monitoring = infrastructure.object("monitoring");
  monitoring?.warnUnknownKeys(["sns_topic_name"]);
  monitoring?.string("sns_topic_name", {
    pattern: /^[A-Za-z0-9_-]{1,256}$/,
    expected: "an SNS topic name",
  });
  const staging = infrastructure.object("rule_staging");
  if (staging) {
    staging.warnUnknownKeys([
      "enabled",
      "cache_refresh_minutes",
      "table",
      "table_read_capacity",
      "table_write_capacity",
    ]);
    staging.boolean("enabled");
    staging.integer("cache_refresh_minutes", { min: 1 });
    checkCapacity(staging, ["table_read_capacity", "table_write_capacity"]);
    const table = staging.object("table");
    if (table) checkCapacity(table, ["read_capacity", "write_capacity"]);
  }
  const extractor = infrastructure.object("artifact_extractor");
  if (extractor) {
    extractor.warnUnknownKeys(["enabled", "firehose_buffer_size", "firehose_buffer_interval"]);
    extractor.boolean("enabled");
    checkFirehoseBuffers(extractor, "firehose_buffer_size", "firehose_buffer_interval");
  }
  const accessLogging = infrastructure.object("s3_access_logging");
  accessLogging?.warnUnknownKeys(["bucket_name"]);
  accessLogging?.string("bucket_name", { pattern: BUCKET_NAME, expected: BUCKET_EXPECTED });
}

/** global.json. Returns the config only when its required account section is usable. */
export function validateGlobalFile(
  issues: FileIssues,
  raw: unknown,
  logs: Record<string, LogSchema>,
): GlobalConfig | undefined {
  const file = ObjectReader.of(issues, [], raw);
  if (!file) return undefined;
  file.warnUnknownKeys(SECTIONS, "section");
  const account = file.object("account", { required: true });
  if (account) checkAccount(account);
  const general = file.object("general");
  if (general) checkGeneral(general);
  const infrastructure = file.object("infrastructure");
  if (infrastructure) checkInfrastructure(infrastructure, logs);
  const terraform = file.object("terraform");
  terraform?.string("bucket_name", { pattern: BUCKET_NAME, expected: BUCKET_EXPECTED });
  terraform?.string("state_key_name");
  if (!account) return undefined;
  return {
    account: account.value as GlobalConfig["account"],
    general: (general?.value ?? {}) as GlobalConfig["general"],
    infrastructure: (infrastructure?.value ?? {}) as GlobalConfig["infrastructure"],
    ...(terraform ? { terraform: terraform.value as GlobalConfig["terraform"] } : {}),
  };
}
