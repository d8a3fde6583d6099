// Which log types a (service, resource) of a cluster may carry (SPEC §3.2): the families and
// single log types named in `data_sources`, ordered by `configuration.priority` (lower first;
// schemas without one after those with one), then by file and declaration order.
import type { ClusterConfig, LogSchema, ServiceName } from "../shared/config/types";

function priorityOf(log: LogSchema): number {
  const priority = log.configuration?.priority;
  return typeof priority === "number" ? priority : Number.POSITIVE_INFINITY;
}

export function compareLogSchemas(a: LogSchema, b: LogSchema): number {
  const byPriority = priorityOf(a) - priorityOf(b);
  if (byPriority !== 0 && !Number.isNaN(byPriority)) return byPriority;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.index !== b.index) return a.index - b.index;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The log schemas allowed for one resource, in the order they are tried. */
export function logSchemasForResource(
  logs: Record<string, LogSchema>,
  cluster: ClusterConfig,
  service: ServiceName,
  resource: string,
): LogSchema[] | undefined {
  const entries = cluster.data_sources[service]?.[resource];
  if (!entries) return undefined;
  const wanted = new Set(entries);
  const selected = Object.entries(logs)
    .filter(([name]) => wanted.has(name) || wanted.has(name.split(":")[0]))
    .map(([name, log]) => ({ ...log, name }));
  return selected.sort(compareLogSchemas);
}
