// Which test event files a run uses: every .json file under the rules directories, or only the
// ones named by --test-files (a file name with or without .json, or a path).
import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { findFiles } from "../../../functions/shared/module-files";

const isJsonFile = (name: string): boolean => name.endsWith(".json");

export interface TestFileSelection {
  files: string[];
  /** --test-files entries that name no file */
  missing: string[];
}

export function findTestFiles(
  rulesDirs: readonly string[],
  only?: readonly string[],
): TestFileSelection {
  const all = [...new Set(rulesDirs.flatMap((dir) => findFiles(dir, isJsonFile)))].sort();
  if (!only || only.length === 0) return { files: all, missing: [] };
  const files = new Set<string>();
  const missing: string[] = [];
  for (const wanted of only) {
    const asPath = resolve(wanted);
    if (existsSync(asPath) && statSync(asPath).isFile()) {
      files.add(all.find((file) => resolve(file) === asPath) ?? wanted);
      continue;
    }
    const name = wanted.endsWith(".json") ? wanted : `${wanted}.json`;
    const matches = all.filter((file) => basename(file) === name);
    if (matches.length === 0) missing.push(wanted);
    for (const file of matches) files.add(file);
  }
  return { files: [...files].sort(), missing };
}
