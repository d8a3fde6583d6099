// Build-time and CLI only: the files under a folder, walked once: the TypeScript modules the rule,
// publisher and scheduled query discovery (and the esbuild plugins that index them) read, and
// the test event files of `streamalert test`.
import { type Dirent, readdirSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";

export interface ModuleFileOptions {
  /** folder names not descended into; node_modules never is */
  skipFolders?: ReadonlySet<string>;
  /** keep a file only when this holds for the folder names between `root` and it */
  keep?: (folders: readonly string[]) => boolean;
}

/** A `.ts` module: not a test or a declaration file. */
export function isModuleFile(name: string): boolean {
  return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts");
}

/**
 * The files under `root` (missing: none) whose name `wanted` accepts, as sorted POSIX paths
 * that start with `root`.
 */
export function findFiles(
  root: string,
  wanted: (name: string) => boolean,
  options: ModuleFileOptions = {},
): string[] {
  const files: string[] = [];
  const walk = (dir: string, folders: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || options.skipFolders?.has(entry.name)) continue;
        walk(path, [...folders, entry.name]);
      } else if (wanted(entry.name) && (options.keep?.(folders) ?? true)) {
        files.push(path.split(sep).join(posix.sep));
      }
    }
  };
  walk(root, []);
  return files.sort();
}

/** The modules under `root` (missing: none), as sorted POSIX paths that start with `root`. */
export function findModuleFiles(root: string, options: ModuleFileOptions = {}): string[] {
  return findFiles(root, isModuleFile, options);
}

/** The import specifier of module `file` from a module in `fromDir` ("./rules/a", "../b"). */
export function importPath(fromDir: string, file: string): string {
  const path = relative(fromDir, file).split(sep).join(posix.sep).replace(/\.ts$/, "");
  return path.startsWith(".") ? path : `./${path}`;
}
