// Which test event files a run uses: every .json file under the rules directories, or only the
// ones named by --test-files (a file name with or without .json, or a path).
import { type Dirent, existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";

export interface TestFileSelection {
  files: string[];
  /** --test-files entries that name no file */
  missing: string[];
}

export function findTestFiles(
  rulesDirs: readonly string[],
  only?: readonly string[],
): TestFileSelection {
  const all = [...new Set(rulesDirs.flatMap(listJsonFiles))].sort();
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

/** Every .json file under `dir`, sorted, skipping node_modules. */
function listJsonFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(child);
      } else if (entry.name.endsWith(".json")) files.push(child);
    }
  };
  walk(dir);
  return files.sort();
}
