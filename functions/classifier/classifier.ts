// The classifier core of one cluster (SPEC §3.2–3.5): everything is compiled once here — per
// log type a parser and validator, per (service, resource) the ordered candidate list — so
// classifying a record only runs plain functions over the parsed data.
import type { ClassifiedRecord, LogRecord } from "../shared/classified-record";
import { logTypesForResource } from "../shared/config/log-types";
import type { ServiceName, StreamAlertConfig } from "../shared/config/types";
import { type CompiledLogType, compileLogType, type ParseOutput } from "./compile-log-type";
import { LazyRecordInput } from "./parsers";
import { KeptClassifiedRecord, type KeptJson } from "./record-json";
import type { Classifier, ClassifyOutcome, RawRecord } from "./types";

/** Every schema that matches a record, for `test classifier`'s "also matches" warning. */
export interface SchemaMatch {
  logType: string;
  records: ClassifiedRecord[];
}

export interface ClassifierCore extends Classifier {
  /** All matching schemas in the order they are tried (not for the hot path). */
  classifyAll(raw: RawRecord): SchemaMatch[];
}

export function createClassifier(config: StreamAlertConfig, cluster: string): ClassifierCore {
  const clusterConfig = Object.hasOwn(config.clusters, cluster)
    ? config.clusters[cluster]
    : undefined;
  if (!clusterConfig) {
    const known = Object.keys(config.clusters).join(", ") || "none";
    throw new Error(`cluster "${cluster}" is not configured in ${config.dir} (clusters: ${known})`);
  }
  const compiledByName = new Map<string, CompiledLogType>();
  const candidatesOf = new Map<ServiceName, Map<string, CompiledLogType[]>>();
  for (const [service, resources] of Object.entries(clusterConfig.data_sources)) {
    const byResource = new Map<string, CompiledLogType[]>();
    for (const resource of Object.keys(resources ?? {})) {
      // the allowed log types in classifier order (priority, then file and declaration order)
      const logTypes = logTypesForResource(config, cluster, service as ServiceName, resource) ?? [];
      byResource.set(
        resource,
        logTypes.map((name) => {
          let compiled = compiledByName.get(name);
          if (!compiled) {
            compiled = compileLogType(config.logs[name], config.normalizedTypes);
            compiledByName.set(name, compiled);
          }
          return compiled;
        }),
      );
    }
    candidatesOf.set(service as ServiceName, byResource);
  }

  function toClassified(
    raw: RawRecord,
    logType: CompiledLogType,
    records: LogRecord[],
    kept?: ReadonlyArray<KeptJson | undefined>,
  ): ClassifiedRecord[] {
    const classified: ClassifiedRecord[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const normalization = logType.normalize?.(record);
      const json = kept?.[i];
      classified[i] = json
        ? new KeptClassifiedRecord(
            cluster,
            logType.name,
            record,
            raw.service,
            raw.resource,
            logType.parser,
            json,
            normalization,
          )
        : {
            cluster,
            log_schema_type: logType.name,
            record,
            service: raw.service,
            resource: raw.resource,
            data_type: logType.parser,
          };
    }
    return classified;
  }

  function unknownResource(raw: RawRecord): ClassifyOutcome {
    return {
      ok: false,
      reason: "unknown_resource",
      message: `${raw.service} resource "${raw.resource}" is not in the data_sources of cluster "${cluster}"`,
    };
  }

  function noMatch(raw: RawRecord, candidates: CompiledLogType[], detail = ""): ClassifyOutcome {
    const tried = candidates.map((logType) => logType.name).join(", ") || "none configured";
    return {
      ok: false,
      reason: "no_match",
      message: `record from ${raw.service} "${raw.resource}" matches no schema (tried: ${tried})${detail}`,
    };
  }

  const output: ParseOutput = { invalid: 0, kept: [] };
  // the candidates of the last resource: a batch mostly comes from one stream, bucket or topic
  let lastService: ServiceName | undefined;
  let lastResource: string | undefined;
  let lastCandidates: CompiledLogType[] | undefined;

  return {
    cluster,
    classify(raw: RawRecord): ClassifyOutcome {
      if (raw.resource !== lastResource || raw.service !== lastService) {
        lastCandidates = candidatesOf.get(raw.service)?.get(raw.resource);
        lastService = raw.service;
        lastResource = raw.resource;
      }
      const candidates = lastCandidates;
      if (!candidates) return unknownResource(raw);
      const input = new LazyRecordInput(raw.data);
      let failure = "";
      for (const logType of candidates) {
        try {
          // the first schema with a valid record wins: it may keep the parsed input
          const records = logType.parse(input, true, output);
          if (records) {
            const classified = toClassified(raw, logType, records, output.kept);
            return output.invalid > 0
              ? { ok: true, records: classified, invalid: output.invalid }
              : { ok: true, records: classified };
          }
        } catch (error) {
          // a defect or a pathological input (e.g. stack exhaustion) is this schema's no-match
          failure = `; ${logType.name} failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      return noMatch(raw, candidates, failure);
    },
    classifyAll(raw: RawRecord): SchemaMatch[] {
      const candidates = candidatesOf.get(raw.service)?.get(raw.resource) ?? [];
      const input = new LazyRecordInput(raw.data);
      const matches: SchemaMatch[] = [];
      for (const logType of candidates) {
        try {
          const records = logType.parse(input, false);
          if (records)
            matches.push({ logType: logType.name, records: toClassified(raw, logType, records) });
        } catch {
          // same as classify: a schema that throws does not match
        }
      }
      return matches;
    },
  };
}
