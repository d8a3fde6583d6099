import { describeValue, listChoices } from "./describe-value";
import type { FileIssues } from "./issue-log";
import { expandLogTypeReference, unknownLogReferenceMessage } from "./log-types";
import { ObjectReader } from "./object-reader";
import type { ClusterConfig, LogSchema, ServiceName } from "./types";
import { ACCOUNT_ID } from "./validate-global";
import { checkLambdaSettings, LAMBDA_SETTING_KEYS } from "./validate-lambda";

export const SERVICES: readonly ServiceName[] = ["kinesis", "s3", "sns", "streamalert_app"];
export const RESERVED_CLUSTER_NAMES = ["main", "athena"];
const CLUSTER_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const CLUSTER_KEYS = ["id", "classifier_config", "data_sources", "enable_threat_intel", "modules"];
const MODULES = [
  "cloudwatch_monitoring",
  "kinesis",
  "kinesis_events",
  "cloudtrail",
  "cloudwatch_events",
  "cloudwatch_logs_destination",
  "flow_logs",
  "s3_events",
  "streamalert_apps",
];
// Names as each AWS service allows them (S3 also admits the legacy us-east-1 bucket names).
const RESOURCE_NAMES: Record<ServiceName, { pattern: RegExp; expected: string }> = {
  kinesis: { pattern: /^[A-Za-z0-9_.-]{1,128}$/, expected: "a Kinesis stream name" },
  s3: { pattern: /^[A-Za-z0-9._-]{3,255}$/, expected: "an S3 bucket name" },
  sns: { pattern: /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/, expected: "an SNS topic name" },
  streamalert_app: { pattern: /^[A-Za-z0-9_-]{1,64}$/, expected: "an app function name" },
};
const KINESIS_STREAM_KEYS = [
  "shards",
  "retention",
  "create_user",
  "trusted_accounts",
  "stream_name",
  "shard_level_metrics",
  "terraform_outputs",
];
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/;

/** One cluster file, as the loader hands it over. */
export interface ClusterFile {
  /** the file stem, which is the cluster's name */
  name: string;
  file: string;
  raw: unknown;
}

function checkName(issues: FileIssues, name: string): void {
  if (RESERVED_CLUSTER_NAMES.includes(name)) {
    const reserved = RESERVED_CLUSTER_NAMES.map((reservedName) =>
      JSON.stringify(reservedName),
    ).join(", ");
    issues.error(
      [],
      `cluster name ${JSON.stringify(name)} is reserved for global resources (reserved: ${reserved}); rename the file`,
    );
  } else if (!CLUSTER_NAME.test(name)) {
    issues.error(
      [],
      `cluster name ${JSON.stringify(name)} (the file name) must be lowercase letters, digits, "_" or "-"`,
    );
  }
}

function checkClassifierConfig(config: ObjectReader): void {
  config.warnUnknownKeys([...LAMBDA_SETTING_KEYS, "inputs"]);
  checkLambdaSettings(config);
  const inputs = config.object("inputs");
  inputs?.warnUnknownKeys(["aws-sns"]);
  inputs?.stringList("aws-sns", {
    pattern: SNS_TOPIC_ARN,
    expected: 'an SNS topic ARN such as "arn:aws:sns:us-east-1:123456789012:topic"',
  });
}

function checkDataSources(
  sources: ObjectReader,
  logs: Record<string, LogSchema>,
): ClusterConfig["data_sources"] {
  const result: ClusterConfig["data_sources"] = {};
  for (const service of sources.keys()) {
    if (!(SERVICES as readonly string[]).includes(service)) {
      sources.issues.error(
        sources.at(service),
        `unknown data source service; expected one of ${listChoices(SERVICES)}`,
      );
      continue;
    }
    const resources = sources.object(service);
    if (!resources) continue;
    const { pattern, expected } = RESOURCE_NAMES[service as ServiceName];
    for (const resource of resources.keys()) {
      if (!pattern.test(resource))
        resources.issues.error(
          resources.at(resource),
          `${JSON.stringify(resource)} is not ${expected}`,
        );
      const entries = resources.stringList(resource, {
        nonEmpty: true,
        expected: "a log family or log type name",
      });
      for (const [index, entry] of (entries ?? []).entries()) {
        const at = [...resources.at(resource), index];
        if (expandLogTypeReference(logs, entry).length === 0) {
          resources.issues.error(at, unknownLogReferenceMessage(logs, entry));
        } else if (entries?.indexOf(entry) !== index) {
          resources.issues.warn(at, `${JSON.stringify(entry)} is listed twice`);
        }
      }
    }
    result[service as ServiceName] = resources.value as Record<string, string[]>;
  }
  return result;
}

function checkModules(modules: ObjectReader): void {
  for (const legacy of ["streamalert", "stream_alert"]) {
    if (modules.has(legacy)) {
      modules.issues.error(
        modules.at(legacy),
        "is the pre-3.0 format: move these settings to the top-level classifier_config",
      );
    }
  }
  modules.warnUnknownKeys([...MODULES, "streamalert", "stream_alert"], "module");
  // Every module is an object; kinesis and kinesis_events are read (and reported) just below.
  for (const name of modules.keys()) {
    if (name !== "kinesis" && name !== "kinesis_events") modules.object(name);
  }
  const kinesis = modules.object("kinesis");
  kinesis?.warnUnknownKeys(["streams"]);
  const streams = kinesis?.object("streams");
  if (streams) {
    streams.warnUnknownKeys(KINESIS_STREAM_KEYS);
    streams.integer("shards", { min: 1 });
    streams.integer("retention", { min: 24, max: 8760 });
    streams.boolean("create_user");
    streams.stringList("trusted_accounts", {
      pattern: ACCOUNT_ID,
      expected: "a 12-digit AWS account ID string",
    });
    streams.string("stream_name", RESOURCE_NAMES.kinesis);
  }
  const events = modules.object("kinesis_events");
  events?.warnUnknownKeys(["enabled", "batch_size"]);
  events?.boolean("enabled");
  events?.integer("batch_size", { min: 1, max: 10000 });
}

/** One file of conf/clusters/. */
function validateCluster(
  issues: FileIssues,
  name: string,
  raw: unknown,
  logs: Record<string, LogSchema>,
): ClusterConfig | undefined {
  checkName(issues, name);
  const cluster = ObjectReader.of(issues, [], raw);
  if (!cluster) return undefined;
  cluster.warnUnknownKeys(CLUSTER_KEYS);
  const id = cluster.string("id");
  if (id !== undefined && id !== name) {
    issues.warn(
      cluster.at("id"),
      `${JSON.stringify(id)} differs from the cluster name ${JSON.stringify(name)} (its file name), which is what resources are named after`,
    );
  }
  const classifierConfig = cluster.object("classifier_config", { required: true });
  if (classifierConfig) checkClassifierConfig(classifierConfig);
  const sources = cluster.object("data_sources", { required: true });
  const dataSources = sources ? checkDataSources(sources, logs) : {};
  cluster.boolean("enable_threat_intel");
  const modules = cluster.object("modules");
  if (modules) checkModules(modules);
  if (!classifierConfig || !sources) return undefined;
  return {
    ...(cluster.value as Partial<ClusterConfig>),
    name,
    classifier_config: classifierConfig.value,
    data_sources: dataSources,
    modules: modules?.value ?? {},
  };
}

/**
 * All cluster files. A resource (service + name) may feed only one cluster: two classifiers would
 * otherwise both subscribe to it. The same name under different services is not a conflict.
 */
export function validateClusterFiles(
  files: readonly ClusterFile[],
  issuesFor: (file: string) => FileIssues,
  logs: Record<string, LogSchema>,
): Record<string, ClusterConfig> {
  const clusters: Record<string, ClusterConfig> = {};
  const owners = new Map<string, string>();
  for (const { name, file, raw } of files) {
    const issues = issuesFor(file);
    const cluster = validateCluster(issues, name, raw, logs);
    if (!cluster) continue;
    clusters[name] = cluster;
    for (const [service, resources] of Object.entries(cluster.data_sources)) {
      for (const resource of Object.keys(resources ?? {})) {
        const key = `${service}\u0000${resource}`;
        const owner = owners.get(key);
        if (owner) {
          issues.error(
            ["data_sources", service, resource],
            `${service} resource ${describeValue(resource)} is already a data source of cluster ${JSON.stringify(owner)}; a resource may feed only one cluster`,
          );
        } else owners.set(key, name);
      }
    }
  }
  return clusters;
}
