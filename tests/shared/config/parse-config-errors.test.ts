import {
  ConfigError,
  ConfigValidationError,
  formatConfigIssues,
  parseConfig,
  type RawConfigFiles,
} from "../../../functions/shared/config";
import { validFiles, withValue } from "./config-fixtures";

/** What the user sees: every error, one formatted line each. */
function errorLines(files: RawConfigFiles): string[] {
  try {
    parseConfig(files);
  } catch (error) {
    if (error instanceof ConfigValidationError) return formatConfigIssues(error.issues).split("\n");
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

type Case = [description: string, files: RawConfigFiles, expected: string];
const base = validFiles();
const prod = "clusters/prod.json";

const globalCases: Case[] = [
  [
    "account id too short",
    withValue(base, "global.json", ["account", "aws_account_id"], "12345"),
    'conf/global.json: account.aws_account_id: expected a 12-digit AWS account ID as a string, such as "123456789012", got "12345"',
  ],
  [
    "account id as a number",
    withValue(base, "global.json", ["account", "aws_account_id"], 123456789012),
    'conf/global.json: account.aws_account_id: expected a 12-digit AWS account ID as a string, such as "123456789012", got 123456789012',
  ],
  [
    "missing account section",
    withValue(base, "global.json", ["account"], undefined),
    "conf/global.json: account: is required: expected an object",
  ],
  [
    "prefix with capitals and underscore",
    withValue(base, "global.json", ["account", "prefix"], "Acme_Corp"),
    'conf/global.json: account.prefix: expected lowercase letters and digits only (it is used in S3 bucket names), got "Acme_Corp"',
  ],
  [
    "region without its number",
    withValue(base, "global.json", ["account", "region"], "us-east"),
    'conf/global.json: account.region: expected an AWS region such as "us-east-1", got "us-east"',
  ],
  [
    "firehose buffer size over the limit",
    withValue(base, "global.json", ["infrastructure", "firehose", "buffer_size"], 256),
    "conf/global.json: infrastructure.firehose.buffer_size: expected an integer from 1 to 128, got 256",
  ],
  [
    "firehose enabled_logs names no schema",
    withValue(base, "global.json", ["infrastructure", "firehose", "enabled_logs", "osqery"], {}),
    'conf/global.json: infrastructure.firehose.enabled_logs.osqery: "osqery" is neither a log family nor a log type declared in the schemas (did you mean "osquery"?)',
  ],
  [
    "missing global.json",
    withValue(base, "global.json", [], undefined),
    "conf/global.json: file is missing; it holds the account settings (aws_account_id, prefix, region)",
  ],
];

const lambdaCases: Case[] = [
  [
    "memory below Lambda's minimum",
    withValue(base, "lambda.json", ["rules_engine_config", "memory"], 64),
    "conf/lambda.json: rules_engine_config.memory: expected an integer from 128 to 10240, got 64",
  ],
  [
    "timeout over 15 minutes",
    withValue(base, "lambda.json", ["rules_engine_config", "timeout"], 901),
    "conf/lambda.json: rules_engine_config.timeout: expected an integer from 1 to 900, got 901",
  ],
  [
    "unknown log level",
    withValue(base, "lambda.json", ["rules_engine_config", "log_level"], "verbose"),
    'conf/lambda.json: rules_engine_config.log_level: expected one of debug, info, warn, warning, error, critical, got "verbose"',
  ],
  [
    "alarm period CloudWatch does not accept",
    withValue(
      base,
      "lambda.json",
      ["alert_merger_config", "metric_alarms", "errors", "period_secs"],
      45,
    ),
    "conf/lambda.json: alert_merger_config.metric_alarms.errors.period_secs: expected 10, 30 or a multiple of 60 (CloudWatch alarm periods), got 45",
  ],
  [
    "VPC config with subnets but no security groups",
    withValue(base, "lambda.json", ["rules_engine_config", "vpc_config"], {
      subnet_ids: ["subnet-0abc"],
      security_group_ids: [],
    }),
    "conf/lambda.json: rules_engine_config.vpc_config: subnet_ids and security_group_ids must both be set or both be empty",
  ],
  [
    "schedule that is not rate() or cron()",
    withValue(base, "lambda.json", ["alert_merger_config", "schedule_expression"], "every minute"),
    'conf/lambda.json: alert_merger_config.schedule_expression: expected a schedule such as "rate(5 minutes)" or "cron(0 12 * * ? *)", got "every minute"',
  ],
];

const clusterCases: Case[] = [
  [
    "shards spelled out (the SPEC's example)",
    withValue(base, prod, ["modules", "kinesis", "streams", "shards"], "one"),
    'conf/clusters/prod.json: modules.kinesis.streams.shards: expected a positive integer, got "one"',
  ],
  [
    "retention under Kinesis' 24 hours",
    withValue(base, prod, ["modules", "kinesis", "streams", "retention"], 12),
    "conf/clusters/prod.json: modules.kinesis.streams.retention: expected an integer from 24 to 8760, got 12",
  ],
  [
    "batch size as a string",
    withValue(base, prod, ["modules", "kinesis_events", "batch_size"], "100"),
    'conf/clusters/prod.json: modules.kinesis_events.batch_size: expected an integer from 1 to 10000, got "100"',
  ],
  [
    "modules as a list",
    withValue(base, prod, ["modules"], []),
    "conf/clusters/prod.json: modules: expected an object, got []",
  ],
  [
    "missing classifier_config",
    withValue(base, prod, ["classifier_config"], undefined),
    "conf/clusters/prod.json: classifier_config: is required: expected an object",
  ],
  [
    "classifier memory out of range",
    withValue(base, prod, ["classifier_config", "memory"], 20000),
    "conf/clusters/prod.json: classifier_config.memory: expected an integer from 128 to 10240, got 20000",
  ],
  [
    "unsupported data source service",
    withValue(base, prod, ["data_sources", "kafka"], { topic: ["osquery"] }),
    'conf/clusters/prod.json: data_sources.kafka: unknown data source service; expected one of "kinesis", "s3", "sns" or "streamalert_app"',
  ],
  [
    "data source naming a log type that does not exist",
    withValue(
      base,
      prod,
      ["data_sources", "kinesis", "acme_prod_streamalert", 1],
      "cloudwatch:flowlogs",
    ),
    'conf/clusters/prod.json: data_sources.kinesis.acme_prod_streamalert[1]: "cloudwatch:flowlogs" is neither a log family nor a log type declared in the schemas (did you mean "cloudwatch:flow_logs"?)',
  ],
  [
    "data source with no logs",
    withValue(base, prod, ["data_sources", "kinesis", "acme_prod_streamalert"], []),
    "conf/clusters/prod.json: data_sources.kinesis.acme_prod_streamalert: expected a list of strings with at least one entry, got []",
  ],
  [
    "bucket names with dots are quoted in the path",
    withValue(base, prod, ["data_sources", "s3", "acme.prod.logs"], ["nginx"]),
    'conf/clusters/prod.json: data_sources.s3["acme.prod.logs"][0]: "nginx" is neither a log family nor a log type declared in the schemas',
  ],
  [
    "reserved cluster name",
    withValue(
      withValue(base, "clusters/main.json", [], structuredClone(base[prod])),
      "clusters/main.json",
      ["data_sources"],
      {
        sns: { acme_main_topic: ["osquery"] },
      },
    ),
    'conf/clusters/main.json: cluster name "main" is reserved for global resources (reserved: "main", "athena"); rename the file',
  ],
  [
    "one resource in two clusters",
    withValue(
      withValue(base, "clusters/staging.json", [], structuredClone(base[prod])),
      "clusters/staging.json",
      ["data_sources"],
      {
        kinesis: { acme_prod_streamalert: ["osquery"] },
      },
    ),
    'conf/clusters/staging.json: data_sources.kinesis.acme_prod_streamalert: kinesis resource "acme_prod_streamalert" is already a data source of cluster "prod"; a resource may feed only one cluster',
  ],
  [
    "pre-3.0 streamalert module",
    withValue(base, prod, ["modules", "stream_alert"], { classifier_config: {} }),
    "conf/clusters/prod.json: modules.stream_alert: is the pre-3.0 format: move these settings to the top-level classifier_config",
  ],
];

const otherCases: Case[] = [
  [
    "AWS output written as a list",
    withValue(base, "outputs.json", ["aws-sns"], ["oncall"]),
    'conf/outputs.json: aws-sns: expected an object, got ["oncall"]',
  ],
  [
    "non-AWS output written as an object",
    withValue(base, "outputs.json", ["slack"], { security: "hook" }),
    'conf/outputs.json: slack: expected a list of strings, got {"security":"hook"}',
  ],
  [
    "threat intel type no schema produces (enabled)",
    withValue(base, "threat_intel.json", ["normalized_ioc_types", "ip", 1], "srcAddr"),
    'conf/threat_intel.json: normalized_ioc_types.ip[1]: normalized type "srcAddr" is not produced by any schema normalization or normalized_types.json',
  ],
  [
    "excluded IP range that is not a CIDR",
    withValue(base, "threat_intel.json", ["excluded_iocs"], { ip: { "10.0.0.0/33": {} } }),
    'conf/threat_intel.json: excluded_iocs.ip["10.0.0.0/33"]: "10.0.0.0/33" is not an IP address or CIDR range such as "10.0.0.0/8"',
  ],
  [
    "s3 lookup table without its key",
    withValue(base, "lookup_tables.json", ["tables", "hosts", "key"], undefined),
    'conf/lookup_tables.json: tables.hosts.key: is required: expected the S3 object key, such as "tables/hosts.json.gz"',
  ],
  [
    "dynamodb lookup table without value_key",
    withValue(base, "lookup_tables.json", ["tables", "hosts"], {
      driver: "dynamodb",
      table: "t",
      partition_key: "k",
    }),
    "conf/lookup_tables.json: tables.hosts.value_key: is required: expected a non-empty string",
  ],
  [
    "unknown lookup driver",
    withValue(base, "lookup_tables.json", ["tables", "hosts", "driver"], "redis"),
    'conf/lookup_tables.json: tables.hosts.driver: expected one of "s3" or "dynamodb", got "redis"',
  ],
];

const schemaCases: Case[] = [
  [
    "schema without parser",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "parser"], undefined),
    'schemas/osquery.json: osquery:differential.parser: is required: expected one of "json", "csv", "kv" or "syslog"',
  ],
  [
    "unknown parser",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "parser"], "xml"),
    'schemas/osquery.json: osquery:differential.parser: expected one of "json", "csv", "kv" or "syslog", got "xml"',
  ],
  [
    "schema without schema",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "schema"], undefined),
    "schemas/osquery.json: osquery:differential.schema: is required: expected an object",
  ],
  [
    "invalid field type",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "schema", "name"], "int"),
    'schemas/osquery.json: osquery:differential.schema.name: expected a type: "string", "integer", "float", "boolean", {} (object) or [] (list), got "int"',
  ],
  [
    "invalid nested field type",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "schema", "columns"], {
      pid: 7,
    }),
    'schemas/osquery.json: osquery:differential.schema.columns.pid: expected a type: "string", "integer", "float", "boolean", {} (object) or [] (list), got 7',
  ],
  [
    "optional key that is not in the schema",
    withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "optional_top_level_keys", 1],
      "errorCode",
    ),
    'schemas/cloudtrail.json: cloudtrail:events.configuration.optional_top_level_keys[1]: "errorCode" is not a key of schema',
  ],
  [
    "optional envelope key that is not an envelope key",
    withValue(
      base,
      "schemas/cloudwatch.json",
      ["cloudwatch:flow_logs", "configuration", "optional_envelope_keys"],
      ["owner"],
    ),
    'schemas/cloudwatch.json: cloudwatch:flow_logs.configuration.optional_envelope_keys[0]: "owner" is not a key of envelope_keys',
  ],
  [
    "priority that is not an integer",
    withValue(
      base,
      "schemas/osquery.json",
      ["osquery:snapshot", "configuration", "priority"],
      "high",
    ),
    'schemas/osquery.json: osquery:snapshot.configuration.priority: expected a non-negative integer, got "high"',
  ],
  [
    "normalization written as a bare string",
    withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "normalization", "ip_address"],
      "sourceIPAddress",
    ),
    'schemas/cloudtrail.json: cloudtrail:events.configuration.normalization.ip_address: expected a path such as ["detail", "sourceIPAddress"] or a list of entries {"path": [...], "function": "..."}, got "sourceIPAddress"',
  ],
  [
    "normalization condition with two operators",
    withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "normalization", "ip_address"],
      [{ path: ["sourceIPAddress"], condition: { path: ["eventName"], is: "x", is_not: "y" } }],
    ),
    'schemas/cloudtrail.json: cloudtrail:events.configuration.normalization.ip_address[0].condition: expected exactly one of "is", "is_not", "in", "not_in", "contains" or "not_contains", got "is" or "is_not"',
  ],
  [
    "log type name with two colons",
    withValue(base, "schemas/osquery.json", ["osquery:a:b"], {
      parser: "json",
      schema: { a: "string" },
    }),
    'schemas/osquery.json: osquery:a:b: log type names are "family" or "family:type" (letters, digits, "_", "-"; dots after the colon)',
  ],
  [
    "log type declared in two files",
    withValue(base, "schemas/zeek.json", ["osquery:snapshot"], {
      parser: "json",
      schema: { a: "string" },
    }),
    'schemas/zeek.json: osquery:snapshot: log type "osquery:snapshot" is already declared in schemas/osquery.json',
  ],
];

describe("parseConfig rejects a bad configuration with file, path and the fix", () => {
  it.each([...globalCases, ...lambdaCases, ...clusterCases, ...otherCases, ...schemaCases])(
    "%s",
    (_description, files, expected) => {
      expect(errorLines(files)).toEqual([expected]);
    },
  );

  it("reports every error of every file at once, grouped by file", () => {
    let files = withValue(base, prod, ["modules", "kinesis", "streams", "shards"], "one");
    files = withValue(files, "global.json", ["account", "region"], "mars-1");
    files = withValue(files, "lambda.json", ["rules_engine_config", "memory"], 64);
    files = withValue(files, "schemas/osquery.json", ["osquery:differential", "parser"], "xml");

    expect(errorLines(files)).toEqual([
      'conf/clusters/prod.json: modules.kinesis.streams.shards: expected a positive integer, got "one"',
      'conf/global.json: account.region: expected an AWS region such as "us-east-1", got "mars-1"',
      "conf/lambda.json: rules_engine_config.memory: expected an integer from 128 to 10240, got 64",
      'schemas/osquery.json: osquery:differential.parser: expected one of "json", "csv", "kv" or "syslog", got "xml"',
    ]);
  });

  it("throws a ConfigError whose message lists the issues and whose issues are structured", () => {
    const files = withValue(base, prod, ["modules", "kinesis", "streams", "shards"], 0);

    const thrown = (() => {
      try {
        parseConfig(files);
      } catch (error) {
        return error;
      }
    })();

    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).issues).toEqual([
      {
        file: "conf/clusters/prod.json",
        path: "modules.kinesis.streams.shards",
        message: "expected a positive integer, got 0",
      },
    ]);
    expect((thrown as Error).message).toContain("invalid configuration (1 error):");
  });

  it("names files after the folders it is told about", () => {
    const files = withValue(
      base,
      "schemas/osquery.json",
      ["osquery:differential", "parser"],
      "xml",
    );

    expect(() =>
      parseConfig(files, { dir: "deploy/conf", schemasDir: "deploy/conf/schemas" }),
    ).toThrow(
      'deploy/conf/schemas/osquery.json: osquery:differential.parser: expected one of "json", "csv", "kv" or "syslog", got "xml"',
    );
  });
});
