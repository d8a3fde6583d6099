import { describeValue } from "./describe-value";
import type { FileIssues, JsonPath } from "./issue-log";
import { isJsonObject, ObjectReader } from "./object-reader";
import type { LogSchema, ParserName, SchemaConfiguration, SchemaObject } from "./types";
import { readNormalization } from "./validate-normalization";

export const PARSERS: readonly ParserName[] = ["json", "csv", "kv", "syslog"];
const SCALAR_TYPES = ["string", "integer", "float", "boolean"];
const SCHEMA_ENTRY_KEYS = ["parser", "schema", "configuration"];
const CONFIGURATION_KEYS: readonly (keyof SchemaConfiguration)[] = [
  "priority",
  "envelope_keys",
  "optional_envelope_keys",
  "optional_top_level_keys",
  "json_path",
  "embedded_json",
  "json_regex_key",
  "log_patterns",
  "delimiter",
  "separator",
  "quotechar",
  "escapechar",
  "normalization",
];
/** `family` or `family:type`; StreamAlert's types may contain dots (`carbonblack:alert.status.updated`). */
export const LOG_TYPE_NAME = /^[A-Za-z0-9_-]+(:[A-Za-z0-9_.-]+)?$/;

/** One schema file, as the loader hands it over. */
export interface SchemaFile {
  /** display name for messages and `LogSchema.file`, e.g. "schemas/osquery.json" */
  file: string;
  raw: unknown;
}

/** Checks a schema object recursively; returns whether every type in it is valid. */
function checkSchemaObject(
  issues: FileIssues,
  path: JsonPath,
  schema: Record<string, unknown>,
): boolean {
  let valid = true;
  for (const [key, type] of Object.entries(schema)) {
    if (typeof type === "string" && SCALAR_TYPES.includes(type)) continue;
    if (Array.isArray(type)) {
      if (type.length > 0)
        issues.warn([...path, key], "list element types are not checked; use [] for any list");
      continue;
    }
    if (isJsonObject(type)) {
      valid = checkSchemaObject(issues, [...path, key], type) && valid;
      continue;
    }
    issues.error(
      [...path, key],
      `expected a type: "string", "integer", "float", "boolean", {} (object) or [] (list), got ${describeValue(type)}`,
    );
    valid = false;
  }
  return valid;
}

function checkLogPatterns(issues: FileIssues, path: JsonPath, patterns: unknown): void {
  if (!isJsonObject(patterns)) {
    issues.error(path, `expected an object of field → pattern(s), got ${describeValue(patterns)}`);
    return;
  }
  for (const [field, pattern] of Object.entries(patterns)) {
    const at = [...path, field];
    if (typeof pattern === "string") continue;
    if (Array.isArray(pattern) && pattern.every((item) => typeof item === "string")) continue;
    if (isJsonObject(pattern)) checkLogPatterns(issues, at, pattern);
    else
      issues.error(
        at,
        `expected a pattern, a list of patterns or nested fields, got ${describeValue(pattern)}`,
      );
  }
}

/** Every listed optional key must be a key of `keysOf`; reports the ones that are not. */
function checkOptionalKeys(
  config: ObjectReader,
  key: string,
  keysOf: SchemaObject | undefined,
  what: string,
): void {
  const optional = config.stringList(key);
  for (const [index, name] of (optional ?? []).entries()) {
    if (keysOf && name in keysOf) continue;
    config.issues.error(
      [...config.at(key), index],
      `${JSON.stringify(name)} is not a key of ${what}`,
    );
  }
}

function readConfiguration(
  config: ObjectReader,
  schema: SchemaObject | undefined,
): SchemaConfiguration {
  config.warnUnknownKeys(CONFIGURATION_KEYS);
  config.integer("priority", { min: 0 });
  const envelope = config.object("envelope_keys");
  const envelopeValid = envelope
    ? checkSchemaObject(config.issues, envelope.path, envelope.value)
    : true;
  checkOptionalKeys(config, "optional_top_level_keys", schema, "schema");
  checkOptionalKeys(
    config,
    "optional_envelope_keys",
    envelope?.value as SchemaObject | undefined,
    "envelope_keys",
  );
  config.string("json_path");
  config.boolean("embedded_json");
  config.string("json_regex_key");
  if (config.has("log_patterns"))
    checkLogPatterns(config.issues, config.at("log_patterns"), config.value.log_patterns);
  config.string("delimiter");
  config.string("separator");
  const singleCharacter = { pattern: /^.$/su, expected: "a single character" };
  config.string("quotechar", singleCharacter);
  config.string("escapechar", singleCharacter);
  const normalizationReader = config.object("normalization");
  const result = { ...config.value } as SchemaConfiguration;
  if (!envelopeValid) delete result.envelope_keys;
  if (normalizationReader) result.normalization = readNormalization(normalizationReader);
  return result;
}

function readLogSchema(
  entry: ObjectReader,
  name: string,
  file: string,
  index: number,
): LogSchema | undefined {
  entry.warnUnknownKeys(SCHEMA_ENTRY_KEYS);
  const parser = entry.oneOf("parser", PARSERS, { required: true });
  const schemaReader = entry.object("schema", { required: true });
  const schemaValid = schemaReader
    ? checkSchemaObject(entry.issues, schemaReader.path, schemaReader.value)
    : false;
  const schema = schemaValid ? (schemaReader?.value as SchemaObject) : undefined;
  const configReader = entry.object("configuration");
  const configuration = configReader ? readConfiguration(configReader, schema) : {};
  if (!parser || !schema) return undefined;
  return { name, parser, schema, configuration, file, index };
}

/**
 * Validates every schema file and returns the log schemas in deterministic order: files sorted
 * by name (the caller passes them sorted), then declaration order within a file.
 */
export function validateSchemaFiles(
  files: readonly SchemaFile[],
  issuesFor: (file: string) => FileIssues,
): Record<string, LogSchema> {
  const logs: Record<string, LogSchema> = {};
  const declaredIn = new Map<string, string>();
  for (const { file, raw } of files) {
    const issues = issuesFor(file);
    const root = ObjectReader.of(issues, [], raw);
    if (!root) continue;
    root.keys().forEach((name, index) => {
      if (!LOG_TYPE_NAME.test(name)) {
        issues.error(
          [name],
          'log type names are "family" or "family:type" (letters, digits, "_", "-"; dots after the colon)',
        );
        return;
      }
      const previous = declaredIn.get(name);
      if (previous) {
        issues.error([name], `log type ${JSON.stringify(name)} is already declared in ${previous}`);
        return;
      }
      declaredIn.set(name, file);
      const entry = root.object(name);
      const schema = entry ? readLogSchema(entry, name, file, index) : undefined;
      if (schema) logs[name] = schema;
    });
  }
  return logs;
}
