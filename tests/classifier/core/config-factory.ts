// Hand-built StreamAlertConfig objects for classifier core tests: one cluster "prod" whose
// data sources and log schemas each test declares.
import { createClassifier } from "../../../functions/classifier/classifier";
import type { LogRecord } from "../../../functions/shared/classified-record";
import type {
  ClusterConfig,
  LogSchema,
  NormalizedTypesConfig,
  ParserName,
  SchemaConfiguration,
  SchemaObject,
  ServiceName,
  StreamAlertConfig,
} from "../../../functions/shared/config/types";

export interface SchemaSpec {
  parser?: ParserName;
  schema: SchemaObject;
  configuration?: SchemaConfiguration;
  /** defaults to "schemas/<family>.json" */
  file?: string;
}

export interface ConfigSpec {
  /** log type → schema, declared in this order */
  logs: Record<string, SchemaSpec>;
  /** service → resource → families or log types; defaults to kinesis "stream" with every family */
  dataSources?: Partial<Record<ServiceName, Record<string, string[]>>>;
  normalizedTypes?: NormalizedTypesConfig;
}

export function buildConfig(spec: ConfigSpec): StreamAlertConfig {
  const logs: Record<string, LogSchema> = {};
  const indexInFile = new Map<string, number>();
  for (const [name, log] of Object.entries(spec.logs)) {
    const file = log.file ?? `schemas/${name.split(":")[0]}.json`;
    const index = indexInFile.get(file) ?? 0;
    indexInFile.set(file, index + 1);
    logs[name] = {
      name,
      parser: log.parser ?? "json",
      schema: log.schema,
      configuration: log.configuration ?? {},
      file,
      index,
    };
  }
  const families = [...new Set(Object.keys(spec.logs).map((name) => name.split(":")[0]))];
  const cluster: ClusterConfig = {
    name: "prod",
    classifier_config: {},
    data_sources: spec.dataSources ?? { kinesis: { stream: families } },
    modules: {},
  };
  return {
    dir: "conf",
    global: {
      account: { aws_account_id: "123456789012", prefix: "test", region: "us-east-1" },
      general: {},
      infrastructure: {},
    },
    lambda: {},
    clusters: { prod: cluster },
    outputs: {},
    logs,
    normalizedTypes: spec.normalizedTypes ?? {},
    threatIntel: { enabled: false },
    lookupTables: { enabled: false, tables: {} },
  };
}

/** A classifier for cluster "prod" of the given spec. */
export function classifierFor(spec: ConfigSpec) {
  return createClassifier(buildConfig(spec), "prod");
}

/** The records (not the envelopes around them) one schema makes of `data` on kinesis "stream". */
export function recordsOf(
  spec: ConfigSpec,
  data: string | Record<string, unknown>,
): LogRecord[] | undefined {
  const outcome = classifierFor(spec).classify({ service: "kinesis", resource: "stream", data });
  return outcome.ok ? outcome.records.map((classified) => classified.record) : undefined;
}

/** One schema "test:log" with the given parts. */
export function oneSchema(
  schema: SchemaObject,
  configuration?: SchemaConfiguration,
  parser?: ParserName,
): ConfigSpec {
  return { logs: { "test:log": { schema, configuration, parser } } };
}
