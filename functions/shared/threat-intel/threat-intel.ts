import type { ClassifiedRecord, LogRecord } from "../classified-record";
import { IOC_KEY, NORMALIZATION_KEY } from "../classified-record";
import type { ClusterConfig, ThreatIntelConfig } from "../config/types";
import { compileExclusions } from "./exclusions";
import type { IocLookup } from "./ioc-lookup";

/** Threat intel detection (SPEC §4.3): marks records whose normalized values are known IOCs. */
export interface ThreatIntel {
  /** Adds `streamalert:ioc: {ioc_type: [values]}` to matching records; returns how many. */
  enrich(records: readonly ClassifiedRecord[]): Promise<number>;
}

/**
 * Returns undefined when threat intel is off (`threat_intel.json` disabled, or no cluster with
 * `enable_threat_intel`), so the engine skips it entirely.
 */
export function createThreatIntel(
  config: { threatIntel: ThreatIntelConfig; clusters: Record<string, ClusterConfig> },
  lookup: IocLookup,
): ThreatIntel | undefined {
  if (!config.threatIntel.enabled) return undefined;
  const clusters = new Set(
    Object.entries(config.clusters)
      .filter(([, cluster]) => cluster.enable_threat_intel)
      .map(([name]) => name),
  );
  if (clusters.size === 0) return undefined;
  const iocTypeOf = new Map<string, string>();
  for (const [iocType, normalizedTypes] of Object.entries(
    config.threatIntel.normalized_ioc_types ?? {},
  )) {
    for (const normalizedType of normalizedTypes) iocTypeOf.set(normalizedType, iocType);
  }
  const exclusions = compileExclusions(config.threatIntel.excluded_iocs);

  return {
    async enrich(records) {
      // value → the records (and IOC type) it came from
      const candidates = new Map<string, Array<{ record: LogRecord; iocType: string }>>();
      for (const payload of records) {
        if (!clusters.has(payload.cluster)) continue;
        const normalization = payload.record[NORMALIZATION_KEY];
        if (typeof normalization !== "object" || normalization === null) continue;
        for (const [normalizedType, entries] of Object.entries(normalization)) {
          const iocType = iocTypeOf.get(normalizedType);
          if (iocType === undefined) continue;
          for (const value of normalizedValues(entries)) {
            if (exclusions.isExcluded(iocType, value)) continue;
            const list = candidates.get(value);
            if (list) list.push({ record: payload.record, iocType });
            else candidates.set(value, [{ record: payload.record, iocType }]);
          }
        }
      }
      if (candidates.size === 0) return 0;
      const known = await lookup.findKnown([...candidates.keys()]);
      const matched = new Set<LogRecord>();
      for (const value of known) {
        for (const { record, iocType } of candidates.get(value) ?? []) {
          addIoc(record, iocType, value);
          matched.add(record);
        }
      }
      return matched.size;
    },
  };
}

/**
 * Values of one normalized type, for both shapes the classifier writes: v2
 * `[{function, values: [...]}]` and legacy v1 `[value, ...]`.
 */
export function normalizedValues(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  const values: string[] = [];
  for (const entry of entries) {
    if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      const inner = (entry as { values?: unknown }).values;
      if (Array.isArray(inner)) for (const value of inner) pushScalar(values, value);
    } else pushScalar(values, entry);
  }
  return values;
}

function pushScalar(values: string[], value: unknown): void {
  if (typeof value === "string") values.push(value);
  else if (typeof value === "number" || typeof value === "boolean") values.push(String(value));
}

function addIoc(record: LogRecord, iocType: string, value: string): void {
  let iocs = record[IOC_KEY] as Record<string, string[]> | undefined;
  if (typeof iocs !== "object" || iocs === null) {
    iocs = {};
    record[IOC_KEY] = iocs;
  }
  const list = iocs[iocType] ?? [];
  if (!list.includes(value)) {
    list.push(value);
    list.sort();
  }
  iocs[iocType] = list;
}
