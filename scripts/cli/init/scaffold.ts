// The files `streamalert init` writes: a minimal deployment that validates — one cluster with a
// Kinesis stream feeding its classifier, the global functions with StreamAlert's defaults, no
// outputs, threat intel and lookup tables off.
export interface ScaffoldOptions {
  prefix: string;
  accountId: string;
  region: string;
  cluster: string;
  /** log families or types the cluster's stream carries; none leaves data_sources empty */
  logs: string[];
}

const errorAlarms = (periodSecs: number, throttles: boolean) => ({
  errors: { enabled: true, evaluation_periods: 1, period_secs: periodSecs, threshold: 0 },
  ...(throttles
    ? {
        throttles: { enabled: true, evaluation_periods: 1, period_secs: periodSecs, threshold: 0 },
      }
    : {}),
});

function globalFile(options: ScaffoldOptions) {
  return {
    account: {
      aws_account_id: options.accountId,
      prefix: options.prefix,
      region: options.region,
    },
    general: {
      matcher_locations: ["matchers"],
      publisher_locations: ["publishers"],
      rule_locations: ["rules"],
      scheduled_query_locations: ["scheduled_queries"],
    },
    infrastructure: {
      alerts_firehose: { buffer_interval: 300, buffer_size: 64, cloudwatch_log_retention: 14 },
      alerts_table: { read_capacity: 5, write_capacity: 5 },
      classifier_sqs: { use_prefix: true },
      firehose: {
        buffer_interval: 900,
        buffer_size: 128,
        enabled: true,
        enabled_logs: {},
        use_prefix: true,
      },
      monitoring: {},
      rule_staging: { cache_refresh_minutes: 10, enabled: false },
    },
    terraform: { state_key_name: "streamalert_state/terraform.tfstate" },
  };
}

function lambdaFile(options: ScaffoldOptions) {
  const base = { log_level: "info", log_retention_days: 14 };
  return {
    alert_merger_config: {
      ...base,
      concurrency_limit: 1,
      memory: 128,
      metric_alarms: errorAlarms(120, true),
      schedule_expression: "rate(1 minute)",
      timeout: 60,
    },
    alert_processor_config: {
      ...base,
      memory: 128,
      metric_alarms: errorAlarms(120, true),
      timeout: 60,
    },
    athena_partitioner_config: {
      ...base,
      concurrency_limit: 10,
      file_format: "parquet",
      memory: 128,
      metric_alarms: errorAlarms(300, false),
      timeout: 300,
    },
    rule_promotion_config: {
      ...base,
      digest_sns_topic: `${options.prefix}_streamalert_rule_staging_stats`,
      enabled: false,
      memory: 128,
      metric_alarms: errorAlarms(120, true),
      schedule_expression: "rate(10 minutes)",
      send_digest_schedule_expression: "cron(30 13 * * ? *)",
      timeout: 120,
    },
    rules_engine_config: {
      ...base,
      concurrency_limit: 10,
      enable_custom_metrics: true,
      memory: 256,
      metric_alarms: errorAlarms(120, true),
      sqs_record_batch_size: 10,
      timeout: 60,
    },
  };
}

function clusterFile(options: ScaffoldOptions) {
  const stream = `${options.prefix}_${options.cluster}_streamalert`;
  return {
    id: options.cluster,
    classifier_config: {
      enable_custom_metrics: true,
      log_level: "info",
      log_retention_days: 14,
      memory: 128,
      metric_alarms: errorAlarms(120, true),
      timeout: 60,
    },
    data_sources: options.logs.length > 0 ? { kinesis: { [stream]: options.logs } } : {},
    enable_threat_intel: false,
    modules: {
      cloudwatch_monitoring: {
        enabled: true,
        kinesis_alarms_enabled: true,
        lambda_alarms_enabled: true,
      },
      kinesis: { streams: { create_user: true, retention: 24, shards: 1 } },
      kinesis_events: { batch_size: 100, enabled: true },
    },
  };
}

/** File (relative to the conf folder) → content. */
export function scaffoldFiles(options: ScaffoldOptions): Record<string, unknown> {
  return {
    "global.json": globalFile(options),
    "lambda.json": lambdaFile(options),
    "outputs.json": {},
    "threat_intel.json": {
      dynamodb_table_name: `${options.prefix}_streamalert_threat_intel_downloader`,
      enabled: false,
      excluded_iocs: {},
      normalized_ioc_types: {},
    },
    "lookup_tables.json": { enabled: false, tables: {} },
    [`clusters/${options.cluster}.json`]: clusterFile(options),
  };
}
