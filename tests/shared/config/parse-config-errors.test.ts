import { ConfigError, parseConfig, type RawConfigFiles } from "../../../functions/shared/config";
import { errorLines, validFiles, withValue } from "./config-fixtures";

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
    "kinesis module that is not an object (reported once)",
    withValue(base, prod, ["modules", "kinesis"], "yes"),
    'conf/clusters/prod.json: modules.kinesis: expected an object, got "yes"',
  ],
  [
    "a module that is not an object",
    withValue(base, prod, ["modules", "cloudtrail"], true),
    "conf/clusters/prod.json: modules.cloudtrail: expected an object, got true",
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

describe("parseConfig rejects a bad configuration with file, path and the fix", () => {
  it.each([...globalCases, ...lambdaCases, ...clusterCases])(
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
});
