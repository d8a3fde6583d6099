// The typed model of `conf/` and `schemas/`: loaded and validated once (functions/shared/config),
// then handed to every function core. Field names follow StreamAlert's JSON exactly, so a
// StreamAlert `conf/` folder loads unchanged.

/** A schema field type: "string" | "integer" | "float" | "boolean" | {} (object) | [] (list). */
export type SchemaType = "string" | "integer" | "float" | "boolean" | SchemaObject | unknown[];
export interface SchemaObject {
  [key: string]: SchemaType;
}

export type ParserName = "json" | "csv" | "kv" | "syslog";

/** One normalization entry of v2 (`{path, function, condition, send_to_artifacts}`). */
export interface NormalizationCondition {
  path: string[];
  is?: unknown;
  is_not?: unknown;
  in?: unknown[];
  not_in?: unknown[];
  contains?: unknown;
  not_contains?: unknown;
}
export interface NormalizationEntry {
  path: string[];
  function?: string;
  condition?: NormalizationCondition;
  send_to_artifacts?: boolean;
}
/** `{type: [path, ...]}` (each path a list of keys) or `{type: [entry, ...]}`. */
export type NormalizationConfig = Record<string, Array<string[] | NormalizationEntry>>;

export type LogPatterns = { [field: string]: string | string[] | LogPatterns };

export interface SchemaConfiguration {
  priority?: number;
  envelope_keys?: SchemaObject;
  optional_envelope_keys?: string[];
  optional_top_level_keys?: string[];
  json_path?: string;
  embedded_json?: boolean;
  json_regex_key?: string;
  log_patterns?: LogPatterns;
  delimiter?: string;
  separator?: string;
  quotechar?: string;
  escapechar?: string;
  normalization?: NormalizationConfig;
}

export interface LogSchema {
  /** "family:type", e.g. "cloudwatch:events" */
  name: string;
  parser: ParserName;
  schema: SchemaObject;
  configuration: SchemaConfiguration;
  /** where it was declared, for ordering (file, then declaration index) and error messages */
  file: string;
  index: number;
}

export type ServiceName = "kinesis" | "s3" | "sns" | "streamalert_app";

export interface AlarmSettings {
  enabled?: boolean;
  evaluation_periods?: number;
  period_secs?: number;
  threshold?: number;
}

/** Settings every function block of lambda.json / classifier_config may carry. */
export interface LambdaSettings {
  memory?: number;
  timeout?: number;
  log_level?: string;
  log_retention_days?: number;
  concurrency_limit?: number;
  schedule_expression?: string;
  enable_custom_metrics?: boolean;
  metric_alarms?: { errors?: AlarmSettings; throttles?: AlarmSettings; [name: string]: unknown };
  vpc_config?: { subnet_ids?: string[]; security_group_ids?: string[] };
  [specific: string]: unknown;
}

export interface ClusterConfig {
  /** file stem: conf/clusters/<name>.json */
  name: string;
  id?: string;
  classifier_config: LambdaSettings & { inputs?: { "aws-sns"?: string[] } };
  /** service → resource name → log families or log types */
  data_sources: Partial<Record<ServiceName, Record<string, string[]>>>;
  enable_threat_intel?: boolean;
  modules: Record<string, unknown>;
}

export interface GlobalConfig {
  account: { aws_account_id: string; prefix: string; region: string; kms_key_alias?: string };
  general: {
    rule_locations?: string[];
    matcher_locations?: string[];
    publisher_locations?: string[];
    scheduled_query_locations?: string[];
  };
  infrastructure: {
    alerts_table?: { read_capacity?: number; write_capacity?: number };
    alerts_firehose?: Record<string, unknown>;
    classifier_sqs?: { use_prefix?: boolean };
    firehose?: {
      enabled?: boolean;
      use_prefix?: boolean;
      enabled_logs?: Record<string, Record<string, unknown>>;
      buffer_size?: number;
      buffer_interval?: number;
      bucket_name?: string;
      compression_format?: string;
    };
    monitoring?: { sns_topic_name?: string };
    rule_staging?: { enabled?: boolean; cache_refresh_minutes?: number };
    artifact_extractor?: { enabled?: boolean; firehose_buffer_size?: number };
    s3_access_logging?: { bucket_name?: string };
    [key: string]: unknown;
  };
  terraform?: { bucket_name?: string; state_key_name?: string; [key: string]: unknown };
}

export interface ThreatIntelConfig {
  enabled: boolean;
  dynamodb_table_name?: string;
  excluded_iocs?: Record<string, Record<string, unknown>>;
  normalized_ioc_types?: Record<string, string[]>;
}

export interface LookupTableConfig {
  driver: "s3" | "dynamodb";
  bucket?: string;
  key?: string;
  compression?: "gzip" | false;
  cache_refresh_minutes?: number;
  table?: string;
  partition_key?: string;
  sort_key?: string;
  value_key?: string;
  key_delimiter?: string;
  cache_maximum_key_count?: number;
  consistent_read?: boolean;
}
export interface LookupTablesConfig {
  enabled: boolean;
  tables: Record<string, LookupTableConfig>;
}

/** service → descriptors: AWS services map descriptor → resource, others list descriptors. */
export type OutputsConfig = Record<string, Record<string, string> | string[]>;

/** Legacy v1 normalization: family → type → field names. */
export type NormalizedTypesConfig = Record<string, Record<string, string[]>>;

export interface StreamAlertConfig {
  /** the folder it was loaded from */
  dir: string;
  global: GlobalConfig;
  lambda: Record<string, LambdaSettings>;
  clusters: Record<string, ClusterConfig>;
  outputs: OutputsConfig;
  /** every log schema, in deterministic order (file name, then declaration order) */
  logs: Record<string, LogSchema>;
  normalizedTypes: NormalizedTypesConfig;
  threatIntel: ThreatIntelConfig;
  lookupTables: LookupTablesConfig;
  scheduledQueries?: Record<string, unknown>;
}
