// Loads the schema library (schemas/*.json) and its sample records (tests/schemas/samples/*.json)
// and builds a configuration whose one cluster routes every sample's source to every family, so
// each sample is tried against every schema there is.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  logFamily,
  type ParsedConfig,
  parseConfig,
  type RawConfigFiles,
  type ServiceName,
} from "../../functions/shared/config";

const ROOT = join(__dirname, "..", "..");
const SCHEMAS_DIR = join(ROOT, "schemas");
const SAMPLES_DIR = join(__dirname, "samples");
/** the example conf/ files the library must load beside (its clusters are replaced) */
const CONF_FILES = ["global.json", "lambda.json", "outputs.json", "threat_intel.json"];

export const LIBRARY_CLUSTER = "library";

/** One raw record as the vendor emits it, and where it arrives (StreamAlert's test event keys). */
export interface SchemaSample {
  description: string;
  /** the log type it must classify as; null for input that must classify as nothing */
  log: string | null;
  service: ServiceName;
  source: string;
  /** the raw text, or the JSON document (sent as text except for app payloads) */
  data: string | Record<string, unknown> | unknown[];
  /**
   * Lower-precedence schemas that also accept this record (a generic shape such as
   * cloudwatch:events): the sample's own type must win by priority.
   */
  also_matches?: string[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function jsonFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

/** schemas/<file> → its parsed content */
export function readSchemaFiles(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    jsonFilesIn(SCHEMAS_DIR).map((name) => [
      name,
      readJson(join(SCHEMAS_DIR, name)) as Record<string, unknown>,
    ]),
  );
}

/** samples/<family>.json → its samples */
export function readSamples(): Record<string, SchemaSample[]> {
  return Object.fromEntries(
    jsonFilesIn(SAMPLES_DIR).map((name) => [
      name.replace(/\.json$/, ""),
      readJson(join(SAMPLES_DIR, name)) as SchemaSample[],
    ]),
  );
}

function allFamilies(schemaFiles: Record<string, Record<string, unknown>>): string[] {
  const families = new Set<string>();
  for (const file of Object.values(schemaFiles))
    for (const logType of Object.keys(file)) families.add(logFamily(logType));
  return [...families].sort();
}

function dataSources(
  samples: SchemaSample[],
  families: string[],
): Partial<Record<ServiceName, Record<string, string[]>>> {
  const sources: Partial<Record<ServiceName, Record<string, string[]>>> = {};
  for (const sample of samples) {
    const resources = sources[sample.service] ?? {};
    resources[sample.source] = families;
    sources[sample.service] = resources;
  }
  return sources;
}

/** The example conf/ top-level files, one cluster over every sample source, and the library. */
export function libraryConfig(samples: SchemaSample[]): ParsedConfig {
  const schemaFiles = readSchemaFiles();
  const raw: RawConfigFiles = {};
  for (const name of CONF_FILES) raw[name] = readJson(join(ROOT, "conf", name));
  raw[`clusters/${LIBRARY_CLUSTER}.json`] = {
    id: LIBRARY_CLUSTER,
    classifier_config: { memory: 128, timeout: 60 },
    data_sources: dataSources(samples, allFamilies(schemaFiles)),
    modules: {
      kinesis: { streams: { shards: 1, retention: 24 } },
      kinesis_events: { enabled: true, batch_size: 100 },
    },
  };
  for (const [name, content] of Object.entries(schemaFiles)) raw[`schemas/${name}`] = content;
  return parseConfig(raw);
}
