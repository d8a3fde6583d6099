import { closestMatch } from "./describe-value";
import type { LogSchema, ServiceName, StreamAlertConfig } from "./types";

/** "osquery:differential" → "osquery"; a schema named just "osquery" is its own family. */
export function logFamily(logType: string): string {
  const colon = logType.indexOf(":");
  return colon === -1 ? logType : logType.slice(0, colon);
}

/**
 * Expands a `data_sources` or `firehose.enabled_logs` entry to log type names: a family
 * (`osquery`) means every `osquery:*` schema plus a schema named exactly `osquery`; a name with a
 * colon means that one log type. Returns [] when nothing matches. Order: as in `logs`.
 */
export function expandLogTypeReference(
  logs: Record<string, LogSchema>,
  reference: string,
): string[] {
  if (reference.includes(":")) return reference in logs ? [reference] : [];
  return Object.keys(logs).filter((name) => logFamily(name) === reference);
}

/**
 * Classifier order. Lower `configuration.priority` first. Schemas without a priority come after
 * every prioritized one — StreamAlert documents that intent, though its stateful sort key could
 * interleave them depending on directory-listing order; we take the documented behaviour and make
 * it deterministic. Ties keep the order of `logs` (file name, then declaration order).
 */
export function compareClassifierOrder(a: LogSchema, b: LogSchema): number {
  const priorityA = a.configuration.priority ?? Number.POSITIVE_INFINITY;
  const priorityB = b.configuration.priority ?? Number.POSITIVE_INFINITY;
  if (priorityA !== priorityB) return priorityA < priorityB ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.index - b.index;
}

const resolved = new WeakMap<StreamAlertConfig, Map<string, string[] | undefined>>();

/**
 * The log types the classifier tries for one resource, in classifier order; `undefined` when the
 * cluster, service or resource is not configured. Computed once per config and resource.
 */
export function logTypesForResource(
  config: StreamAlertConfig,
  cluster: string,
  service: ServiceName,
  resource: string,
): string[] | undefined {
  let cache = resolved.get(config);
  if (!cache) {
    cache = new Map();
    resolved.set(config, cache);
  }
  const key = JSON.stringify([cluster, service, resource]);
  // Copies out of the cache, so a caller that sorts or edits its list cannot change the next one.
  if (cache.has(key)) return cache.get(key)?.slice();
  const references = Object.hasOwn(config.clusters, cluster)
    ? config.clusters[cluster].data_sources[service]?.[resource]
    : undefined;
  let result: string[] | undefined;
  if (references && Object.hasOwn(config.clusters[cluster].data_sources[service] ?? {}, resource)) {
    const names = new Set(
      references.flatMap((reference) => expandLogTypeReference(config.logs, reference)),
    );
    result = [...names]
      .map((name) => config.logs[name])
      .sort(compareClassifierOrder)
      .map((schema) => schema.name);
  }
  cache.set(key, result);
  return result?.slice();
}

/** The message for a reference that names no schema, with the closest family or type as a hint. */
export function unknownLogReferenceMessage(
  logs: Record<string, LogSchema>,
  reference: string,
): string {
  const candidates = new Set(Object.keys(logs).flatMap((name) => [name, logFamily(name)]));
  const suggestion = closestMatch(reference, candidates);
  const hint = suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : "";
  return `${JSON.stringify(reference)} is neither a log family nor a log type declared in the schemas${hint}`;
}
