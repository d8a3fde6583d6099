// Which data source of the cluster a log file comes from. `streamalert run` needs the service
// (kinesis, s3, sns, streamalert_app) and the resource (stream, bucket, topic, app function) to
// build the Lambda event the classifier really receives. They come from --service/--source, or
// from where the file sits: `<service>/<resource>/...` (the samples/ layout), else a folder named
// after a resource, else the cluster's only data source.
import { sep } from "node:path";
import type { ClusterConfig, ServiceName } from "../../../functions/shared/config/types";

export const SERVICES: readonly ServiceName[] = ["kinesis", "s3", "sns", "streamalert_app"];

export interface DataSource {
  service: ServiceName;
  resource: string;
}

export interface ResolvedSource extends DataSource {
  /** the S3 object key: the path below `<service>/<resource>/`, else the file name */
  key: string;
}

/** Every `service/resource` the cluster reads, in config order. */
export function clusterDataSources(cluster: ClusterConfig): DataSource[] {
  const sources: DataSource[] = [];
  for (const service of SERVICES) {
    for (const resource of Object.keys(cluster.data_sources[service] ?? {})) {
      sources.push({ service, resource });
    }
  }
  return sources;
}

export function describeSources(sources: readonly DataSource[]): string {
  return sources.map((source) => `${source.service}/${source.resource}`).join(", ") || "none";
}

function isConfigured(cluster: ClusterConfig, service: ServiceName, resource: string): boolean {
  return Object.hasOwn(cluster.data_sources[service] ?? {}, resource);
}

/**
 * The data source named by --service and/or --source, checked against the cluster; a string
 * (the message for the user) when it is not one of the cluster's.
 */
export function explicitSource(
  cluster: ClusterConfig,
  service: string | undefined,
  resource: string | undefined,
): DataSource | string {
  const all = clusterDataSources(cluster);
  const known = `cluster ${cluster.name} reads ${describeSources(all)}`;
  if (service !== undefined && !SERVICES.includes(service as ServiceName)) {
    return `--service must be one of ${SERVICES.join(", ")}, got "${service}"`;
  }
  const candidates = all.filter(
    (source) =>
      (service === undefined || source.service === service) &&
      (resource === undefined || source.resource === resource),
  );
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    const what = [service, resource].filter(Boolean).join("/");
    return `${what} is not a data source of cluster ${cluster.name} (${known}); pick one of those or add it to conf/clusters/${cluster.name}.json`;
  }
  return `--${service === undefined ? "service" : "source"} is ambiguous: ${describeSources(candidates)} match; pass both --service and --source`;
}

/**
 * The data source of one file from its path (absolute or relative; only its folders are read).
 * A string (the message for the user) when it cannot be told.
 */
export function inferSource(cluster: ClusterConfig, path: string): ResolvedSource | string {
  const segments = path.split(/[\\/]/).filter((segment) => segment !== "" && segment !== ".");
  const fileName = segments[segments.length - 1] ?? path;
  // <service>/<resource>/<key...>: the nearest such pair to the file wins
  for (let index = segments.length - 3; index >= 0; index--) {
    const service = segments[index] as ServiceName;
    const resource = segments[index + 1];
    if (SERVICES.includes(service) && isConfigured(cluster, service, resource)) {
      return { service, resource, key: segments.slice(index + 2).join("/") };
    }
  }
  // a folder named after a resource, when only one service has that resource
  for (let index = segments.length - 2; index >= 0; index--) {
    const resource = segments[index];
    const services = SERVICES.filter((service) => isConfigured(cluster, service, resource));
    if (services.length === 1) {
      return { service: services[0], resource, key: segments.slice(index + 1).join("/") };
    }
  }
  const all = clusterDataSources(cluster);
  if (all.length === 1) return { ...all[0], key: fileName };
  return (
    `cannot tell which data source ${path.split(sep).join("/")} comes from: put it under ` +
    `<service>/<resource>/ (cluster ${cluster.name} reads ${describeSources(all)}) ` +
    "or pass --service and --source"
  );
}
