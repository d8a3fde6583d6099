import {
  ConfigValidationError,
  formatConfigIssues,
  parseConfig,
  type RawConfigFiles,
} from "../../../functions/shared/config";
import type { PathSegment } from "../../../functions/shared/config/issue-log";

/** A small but complete configuration that loads without errors or warnings. */
export function validFiles(): RawConfigFiles {
  return {
    "global.json": {
      account: { aws_account_id: "123456789012", prefix: "acme", region: "us-east-1" },
      general: { rule_locations: ["rules"] },
      infrastructure: {
        firehose: {
          enabled: true,
          buffer_size: 64,
          enabled_logs: { osquery: {}, "cloudtrail:events": {} },
        },
        rule_staging: { enabled: false, cache_refresh_minutes: 10 },
      },
    },
    "lambda.json": {
      rules_engine_config: {
        memory: 256,
        timeout: 60,
        log_level: "info",
        sqs_record_batch_size: 10,
      },
      alert_merger_config: {
        memory: 128,
        timeout: 60,
        schedule_expression: "rate(1 minute)",
        metric_alarms: {
          errors: { enabled: true, evaluation_periods: 1, period_secs: 120, threshold: 0 },
        },
      },
    },
    "clusters/prod.json": {
      id: "prod",
      classifier_config: { memory: 128, timeout: 60 },
      data_sources: {
        kinesis: { acme_prod_streamalert: ["cloudwatch", "osquery"] },
        s3: { "acme-prod-cloudtrail": ["cloudtrail:events"] },
      },
      modules: {
        kinesis: { streams: { shards: 1, retention: 24 } },
        kinesis_events: { enabled: true, batch_size: 100 },
      },
    },
    "outputs.json": { "aws-sns": { oncall: "acme_oncall" }, slack: ["security"] },
    "threat_intel.json": {
      enabled: true,
      normalized_ioc_types: { ip: ["ip_address", "sourceAddress"] },
    },
    "lookup_tables.json": {
      enabled: true,
      tables: { hosts: { driver: "s3", bucket: "acme-lookups", key: "hosts.json" } },
    },
    "normalized_types.json": { osquery: { sourceAddress: ["local_address"] } },
    "schemas/cloudtrail.json": {
      "cloudtrail:events": {
        parser: "json",
        schema: { eventName: "string", sourceIPAddress: "string", userIdentity: {}, resources: [] },
        configuration: {
          json_path: "Records[*]",
          optional_top_level_keys: ["resources"],
          normalization: { ip_address: ["sourceIPAddress"] },
        },
      },
    },
    "schemas/cloudwatch.json": {
      "cloudwatch:events": {
        parser: "json",
        schema: { account: "string", detail: {}, "detail-type": "string" },
      },
      "cloudwatch:flow_logs": {
        parser: "json",
        schema: { srcaddr: "string", dstaddr: "string" },
        configuration: {
          envelope_keys: { logGroup: "string" },
          json_path: "logEvents[*].extractedFields",
        },
      },
    },
    "schemas/osquery.json": {
      "osquery:differential": {
        parser: "json",
        schema: { name: "string", action: "string", columns: {} },
      },
      "osquery:snapshot": {
        parser: "json",
        schema: { name: "string", snapshot: [] },
        configuration: { priority: 1 },
      },
    },
  };
}

/** A copy of `files` with the value at `path` inside `file` replaced (undefined deletes it). */
export function withValue(
  files: RawConfigFiles,
  file: string,
  path: PathSegment[],
  value: unknown,
): RawConfigFiles {
  const copy = structuredClone(files);
  if (path.length === 0) {
    if (value === undefined) delete copy[file];
    else copy[file] = value;
    return copy;
  }
  if (typeof copy[file] !== "object" || copy[file] === null) copy[file] = {};
  let node = copy[file] as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) {
    if (typeof node[segment] !== "object" || node[segment] === null) node[segment] = {};
    node = node[segment] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** What the user sees: every error, one formatted line each. */
export function errorLines(files: RawConfigFiles): string[] {
  try {
    parseConfig(files);
  } catch (error) {
    if (error instanceof ConfigValidationError) return formatConfigIssues(error.issues).split("\n");
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}
