import { decodeFileTexts } from "./decode-file-texts";
import { type ConfigIssue, ConfigValidationError } from "./errors";
import { IssueLog } from "./issue-log";
import type { StreamAlertConfig } from "./types";
import { type ClusterFile, validateClusterFiles } from "./validate-clusters";
import { validateGlobalFile } from "./validate-global";
import { validateLambdaFile } from "./validate-lambda";
import { validateLookupTablesFile } from "./validate-lookup-tables";
import { validateOutputsFile } from "./validate-outputs";
import { type SchemaFile, validateSchemaFiles } from "./validate-schemas";
import { validateNormalizedTypesFile, validateScheduledQueriesFile } from "./validate-small-files";
import { knownNormalizedTypes, validateThreatIntelFile } from "./validate-threat-intel";

/**
 * The raw configuration: parsed JSON (or its text) keyed by path relative to the conf folder, e.g.
 * "global.json", "clusters/prod.json", "schemas/osquery.json" (schemas always under "schemas/",
 * wherever they were read from). Bundles embed this map and parse it at cold start.
 */
export type RawConfigFiles = Record<string, unknown>;

export interface ParseConfigOptions {
  /** the conf folder, shown in messages and kept as `config.dir` @default "conf" */
  dir?: string;
  /** the folder the "schemas/*" entries came from, shown in messages @default "schemas" */
  schemasDir?: string;
}

export interface ParsedConfig {
  config: StreamAlertConfig;
  warnings: ConfigIssue[];
}

const TOP_LEVEL_FILES = [
  "global.json",
  "lambda.json",
  "outputs.json",
  "threat_intel.json",
  "lookup_tables.json",
  "normalized_types.json",
  "scheduled_queries.json",
];
const CLUSTER_FILE = /^clusters\/([^/]+)\.json$/;
const SCHEMA_FILE = /^schemas\/([^/]+\.json)$/;

function joinPath(dir: string, name: string): string {
  const trimmed = dir.replace(/\/+$/, "");
  return trimmed === "" || trimmed === "." ? name : `${trimmed}/${name}`;
}

function byName<T extends { sortKey: string }>(a: T, b: T): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/**
 * The pure core: validates every file and builds the typed model. Throws ConfigValidationError
 * listing every error at once (ConfigFileError when an entry given as JSON text does not parse);
 * unknown keys and other doubtful things come back as warnings.
 */
export function parseConfig(
  rawFiles: RawConfigFiles,
  options: ParseConfigOptions = {},
): ParsedConfig {
  const dir = options.dir ?? "conf";
  const schemasDir = options.schemasDir ?? "schemas";
  const log = new IssueLog();
  const confFile = (name: string) => joinPath(dir, name);
  const displayName = (key: string) => {
    const schema = SCHEMA_FILE.exec(key);
    return schema ? joinPath(schemasDir, schema[1]) : confFile(key);
  };
  const { files: decoded, warnings: textWarnings } = decodeFileTexts(rawFiles, displayName);
  log.warnings.push(...textWarnings);
  const files = decoded;
  const schemaFiles: (SchemaFile & { sortKey: string })[] = [];
  const clusterFiles: (ClusterFile & { sortKey: string })[] = [];

  for (const [key, raw] of Object.entries(files)) {
    const schema = SCHEMA_FILE.exec(key);
    const cluster = CLUSTER_FILE.exec(key);
    if (schema) schemaFiles.push({ file: displayName(key), raw, sortKey: schema[1] });
    else if (cluster)
      clusterFiles.push({ name: cluster[1], file: confFile(key), raw, sortKey: cluster[1] });
    else if (!TOP_LEVEL_FILES.includes(key))
      log.forFile(confFile(key)).warn([], "unknown configuration file is ignored");
  }
  schemaFiles.sort(byName);
  clusterFiles.sort(byName);

  const issuesFor = (file: string) => log.forFile(file);
  const logs = validateSchemaFiles(schemaFiles, issuesFor);
  if (schemaFiles.length === 0)
    log.forFile(schemasDir).warn([], "no schema files: no log can be classified");

  const globalFile = confFile("global.json");
  if (files["global.json"] === undefined) {
    log
      .forFile(globalFile)
      .error([], "file is missing; it holds the account settings (aws_account_id, prefix, region)");
  }
  const global =
    files["global.json"] === undefined
      ? undefined
      : validateGlobalFile(issuesFor(globalFile), files["global.json"], logs);
  const optional = (name: string) => files[name] ?? {};
  const lambda = validateLambdaFile(issuesFor(confFile("lambda.json")), optional("lambda.json"));
  const clusters = validateClusterFiles(clusterFiles, issuesFor, logs);
  if (clusterFiles.length === 0)
    log.forFile(confFile("clusters")).warn([], "no cluster files: nothing feeds a classifier");
  const outputs = validateOutputsFile(
    issuesFor(confFile("outputs.json")),
    optional("outputs.json"),
  );
  const normalizedTypes = validateNormalizedTypesFile(
    issuesFor(confFile("normalized_types.json")),
    optional("normalized_types.json"),
  );
  const threatIntel = validateThreatIntelFile(
    issuesFor(confFile("threat_intel.json")),
    optional("threat_intel.json"),
    knownNormalizedTypes(
      schemaFiles.map((schemaFile) => schemaFile.raw),
      normalizedTypes,
    ),
  );
  for (const cluster of Object.values(clusters)) {
    if (cluster.enable_threat_intel === true && !threatIntel.enabled) {
      issuesFor(confFile(`clusters/${cluster.name}.json`)).warn(
        ["enable_threat_intel"],
        "is true but threat_intel.json is not enabled, so no IOC lookups happen",
      );
    }
  }
  const lookupTables = validateLookupTablesFile(
    issuesFor(confFile("lookup_tables.json")),
    optional("lookup_tables.json"),
  );
  const scheduledQueries =
    files["scheduled_queries.json"] === undefined
      ? undefined
      : validateScheduledQueriesFile(
          issuesFor(confFile("scheduled_queries.json")),
          files["scheduled_queries.json"],
        );

  // Grouped by file (stable, so each file keeps the order its problems were found in).
  const byFile = (a: ConfigIssue, b: ConfigIssue) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  const errors = [...log.errors].sort(byFile);
  const warnings = [...log.warnings].sort(byFile);
  if (errors.length > 0 || !global) throw new ConfigValidationError(errors, warnings);

  const config: StreamAlertConfig = {
    dir,
    global,
    lambda,
    clusters,
    outputs,
    logs,
    normalizedTypes,
    threatIntel,
    lookupTables,
    ...(scheduledQueries ? { scheduledQueries } : {}),
  };
  return { config, warnings };
}
