// Reading conf/ for the CLI: the validated model, a dry run of an edit (validate without
// writing, for commands that must talk to AWS before the files change), cluster lookups.
import { normalize } from "node:path";
import {
  loadConfig,
  type ParsedConfig,
  parseConfig,
  readConfigFiles,
  resolveSchemasDir,
  type StreamAlertConfig,
} from "../../../functions/shared/config";
import type { ConfEdit } from "../conf-edit";
import { CliUsageError } from "./command-action";

/** The validated configuration (throws ConfigError listing every problem). */
export function readConf(configDir: string): StreamAlertConfig {
  return loadConfig(configDir).config;
}

/**
 * Validates the folder as it would be after `edits`, writing nothing: the same check editConf
 * makes, for commands that store a secret first and must not do so for an edit that would fail.
 */
export function checkConfEdit(configDir: string, edits: Record<string, ConfEdit>): ParsedConfig {
  const dir = normalize(configDir);
  const files = readConfigFiles(dir);
  for (const [name, edit] of Object.entries(edits)) {
    const current = files[name] === undefined ? undefined : structuredClone(files[name]);
    files[name] = edit(current);
  }
  return parseConfig(files, { dir, schemasDir: resolveSchemasDir(dir) });
}

/** The named clusters (all when none named); an unknown name is a usage error listing the known. */
export function selectClusters(config: StreamAlertConfig, names?: readonly string[]): string[] {
  const known = Object.keys(config.clusters).sort();
  if (!names || names.length === 0) return known;
  for (const name of names) {
    if (!known.includes(name)) {
      throw new CliUsageError(
        `unknown cluster ${JSON.stringify(name)}: ${config.dir}/clusters has ${known.join(", ") || "no clusters"}`,
      );
    }
  }
  return [...new Set(names)];
}

/** A JSON object as a record, or a new empty one (for building nested config blocks). */
export function objectAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}

/** The JSON object a conf file holds, or a usage error when it is something else. */
export function asObject(value: unknown, file: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new CliUsageError(`${file} must hold a JSON object; fix it before editing`);
}
