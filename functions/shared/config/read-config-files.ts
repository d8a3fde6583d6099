import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { decodeFileTexts } from "./decode-file-texts";
import { ConfigFileError, type ConfigIssue } from "./errors";
import type { RawConfigFiles } from "./parse-config";

export interface ReadConfigOptions {
  /** where the log schemas are @default `<configDir>/schemas` if it exists, else `<configDir>/../schemas` */
  schemasDir?: string;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The schema folder: StreamAlert keeps schemas in `conf/schemas/`, this project at the top-level
 * `schemas/` next to `conf/`; an existing `conf/schemas/` wins so a StreamAlert folder loads as is.
 */
export function resolveSchemasDir(configDir: string, options: ReadConfigOptions = {}): string {
  if (options.schemasDir !== undefined) return normalize(options.schemasDir);
  const inside = join(configDir, "schemas");
  return isDirectory(inside) ? inside : join(configDir, "..", "schemas");
}

function jsonFilesIn(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads conf/*.json, conf/clusters/*.json and the schema files into the raw map that
 * `parseConfig` takes (keys relative to the conf folder; schemas always under "schemas/").
 * Every unreadable or invalid JSON file is reported at once, with line and column.
 */
export function readConfigFiles(
  configDir = "conf",
  options: ReadConfigOptions = {},
): RawConfigFiles {
  return readConfigFolder(configDir, options).files;
}

/** readConfigFiles, plus warnings about what JSON.parse hides (keys written twice). */
export function readConfigFolder(
  configDir: string,
  options: ReadConfigOptions = {},
): { files: RawConfigFiles; warnings: ConfigIssue[] } {
  const dir = normalize(configDir);
  if (!isDirectory(dir)) {
    throw new ConfigFileError([{ file: dir, path: "", message: "configuration folder not found" }]);
  }
  const schemasDir = resolveSchemasDir(dir, options);
  const sources: [key: string, path: string][] = [
    ...jsonFilesIn(dir).map((name): [string, string] => [name, join(dir, name)]),
    ...jsonFilesIn(join(dir, "clusters")).map((name): [string, string] => [
      `clusters/${name}`,
      join(dir, "clusters", name),
    ]),
    ...jsonFilesIn(schemasDir).map((name): [string, string] => [
      `schemas/${name}`,
      join(schemasDir, name),
    ]),
  ];
  const texts: Record<string, string> = {};
  const pathOf = new Map<string, string>();
  const problems: ConfigIssue[] = [];
  for (const [key, path] of sources) {
    pathOf.set(key, path);
    try {
      texts[key] = readFileSync(path, "utf8");
    } catch (error) {
      problems.push({
        file: path,
        path: "",
        message: `cannot be read: ${(error as Error).message}`,
      });
    }
  }
  let decoded: ReturnType<typeof decodeFileTexts>;
  try {
    decoded = decodeFileTexts(texts, (key) => pathOf.get(key) ?? key);
  } catch (error) {
    // Unreadable and unparsable files are reported together.
    if (error instanceof ConfigFileError) throw new ConfigFileError([...problems, ...error.issues]);
    throw error;
  }
  if (problems.length > 0) throw new ConfigFileError(problems);
  return decoded;
}
