// The lines `streamalert status` prints: per cluster what feeds it, which modules are on and
// which apps poll; then the global parts (outputs, threat intel, lookup tables, staging, search).
import type { ClusterConfig, StreamAlertConfig } from "../../../functions/shared/config";
import { isEnabled, moduleBlock } from "../../../modules/shared/cluster-settings";

const onOff = (on: boolean) => (on ? "on" : "off");

/** One module of a cluster: on or off as the build reads it, plus a short detail. */
interface ModuleState {
  name: string;
  on: boolean;
  detail?: string;
}

function moduleStates(cluster: ClusterConfig): ModuleState[] {
  const streams = moduleBlock(cluster, "kinesis", "streams");
  const states: ModuleState[] = [];
  if (cluster.modules.kinesis !== undefined) {
    states.push({
      name: "kinesis",
      on: streams !== undefined,
      detail: streams
        ? `${streams.shards ?? 1} shard(s), ${streams.retention ?? 24} h retention`
        : undefined,
    });
  }
  if (cluster.modules.kinesis_events !== undefined) {
    const on = isEnabled(moduleBlock(cluster, "kinesis_events"));
    states.push({
      name: "kinesis_events",
      on: on && streams !== undefined,
      detail: on && !streams ? "enabled but there is no kinesis stream" : undefined,
    });
  }
  for (const name of [
    "cloudwatch_monitoring",
    "cloudtrail",
    "cloudwatch_events",
    "cloudwatch_logs_destination",
    "flow_logs",
  ]) {
    if (cluster.modules[name] !== undefined) {
      states.push({ name, on: isEnabled(moduleBlock(cluster, name)) });
    }
  }
  const buckets = Object.keys(moduleBlock(cluster, "s3_events") ?? {}).sort();
  if (buckets.length > 0) states.push({ name: "s3_events", on: true, detail: buckets.join(", ") });
  return states;
}

function clusterLines(config: StreamAlertConfig, name: string): string[] {
  const cluster = config.clusters[name];
  const lines = [`Cluster ${name}`];
  const services = Object.entries(cluster.data_sources).sort(([a], [b]) => a.localeCompare(b));
  lines.push(services.length === 0 ? "  data sources: none" : "  data sources:");
  for (const [service, resources] of services) {
    for (const [resource, logs] of Object.entries(resources ?? {}).sort()) {
      lines.push(`    ${service.padEnd(15)} ${resource}: ${logs.join(", ")}`);
    }
  }
  const modules = moduleStates(cluster);
  const on = modules
    .filter((m) => m.on)
    .map((m) => (m.detail ? `${m.name} (${m.detail})` : m.name));
  const off = modules
    .filter((m) => !m.on)
    .map((m) => (m.detail ? `${m.name} (${m.detail})` : m.name));
  lines.push(`  modules on: ${on.join(", ") || "none"}`);
  if (off.length > 0) lines.push(`  modules off: ${off.join(", ")}`);
  const apps = moduleBlock(cluster, "streamalert_apps") ?? {};
  const appNames = Object.keys(apps).sort();
  lines.push(appNames.length === 0 ? "  apps: none" : "  apps:");
  for (const app of appNames) {
    const settings = moduleBlock(cluster, "streamalert_apps", app) ?? {};
    lines.push(
      `    ${app} (${String(settings.type ?? "unknown type")}, ${String(settings.schedule_expression ?? "rate(1 hour)")})`,
    );
  }
  lines.push(
    `  classifier custom metrics: ${onOff(cluster.classifier_config.enable_custom_metrics === true)}, threat intel lookups: ${onOff(cluster.enable_threat_intel === true)}`,
  );
  return lines;
}

function outputLines(config: StreamAlertConfig): string[] {
  const services = Object.keys(config.outputs).sort();
  if (services.length === 0) return ["  outputs: none (add one with streamalert output set)"];
  const lines = ["  outputs:"];
  for (const service of services) {
    const descriptors = config.outputs[service];
    const shown = Array.isArray(descriptors)
      ? descriptors.join(", ")
      : Object.entries(descriptors)
          .map(([descriptor, resource]) => `${descriptor} -> ${resource}`)
          .join(", ");
    lines.push(`    ${service}: ${shown}`);
  }
  return lines;
}

function globalLines(config: StreamAlertConfig): string[] {
  const infrastructure = config.global.infrastructure;
  const firehose = infrastructure.firehose;
  const searchLogs = Object.keys(firehose?.enabled_logs ?? {});
  const downloader = config.lambda.threat_intel_downloader_config;
  const tables = Object.keys(config.lookupTables.tables ?? {}).sort();
  return [
    "Global",
    ...outputLines(config),
    `  threat intel: ${onOff(config.threatIntel.enabled)}${config.threatIntel.dynamodb_table_name ? ` (table ${config.threatIntel.dynamodb_table_name})` : ""}, downloader: ${onOff(downloader?.enabled === true)}`,
    `  lookup tables: ${onOff(config.lookupTables.enabled)}${tables.length > 0 ? ` (${tables.join(", ")})` : ""}`,
    `  rule staging: ${onOff(infrastructure.rule_staging?.enabled === true)}`,
    `  historical search (firehose): ${onOff(firehose?.enabled === true)}${firehose?.enabled && searchLogs.length > 0 ? `, logs: ${searchLogs.join(", ")}` : ""}`,
  ];
}

/** The whole report; `clusters` limits the cluster sections. */
export function describeStatus(config: StreamAlertConfig, clusters: readonly string[]): string[] {
  const { aws_account_id, prefix, region } = config.global.account;
  const lines = [
    `Account ${aws_account_id}, prefix ${prefix}, region ${region} (${config.dir})`,
    "",
  ];
  for (const name of clusters) lines.push(...clusterLines(config, name), "");
  lines.push(...globalLines(config));
  return lines;
}
