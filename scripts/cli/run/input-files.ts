// The log files of one `streamalert run`: a file, a folder (recursively) or stdin ("-"), each
// with the data source it is fed through. Everything is resolved before any emulator starts, so
// a typo fails at once with a message that says what to fix.
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import type { ClusterConfig } from "../../../functions/shared/config/types";
import { type DataSource, explicitSource, inferSource, type ResolvedSource } from "./data-source";

export interface InputFile {
  /** where the bytes are on disk (stdin is copied to a temporary file first) */
  path: string;
  /** how the summary names it: relative to the working directory, or "stdin" */
  label: string;
  source: ResolvedSource;
  bytes: number;
}

export interface InputSelection {
  files: InputFile[];
  /** removes the stdin copy, if any */
  cleanup(): Promise<void>;
}

export class InputError extends Error {
  override name = "InputError";
}

/** Notes and hidden files are not logs (samples/README.md sits beside the samples). */
function isLogFile(name: string): boolean {
  return !name.startsWith(".") && !/\.md$/i.test(name);
}

export interface SelectInputOptions {
  input: string;
  cluster: ClusterConfig;
  service?: string;
  source?: string;
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
}

export async function selectInputFiles(options: SelectInputOptions): Promise<InputSelection> {
  const cwd = options.cwd ?? process.cwd();
  const given = options.service !== undefined || options.source !== undefined;
  let forced: DataSource | undefined;
  if (given) {
    const source = explicitSource(options.cluster, options.service, options.source);
    if (typeof source === "string") throw new InputError(source);
    forced = source;
  }
  if (options.input === "-") return fromStdin(options, forced);

  const root = resolve(cwd, options.input);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat) {
    throw new InputError(
      `input ${options.input} does not exist: pass a log file, a folder of logs, or - for stdin`,
    );
  }
  const paths = rootStat.isDirectory() ? await walk(root) : [root];
  if (paths.length === 0) throw new InputError(`no log files under ${options.input}`);

  const files: InputFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const label = relative(cwd, path).split("\\").join("/") || path;
    const below = rootStat.isDirectory() ? relative(root, path).split("\\").join("/") : "";
    const source = forced
      ? { ...forced, key: below || label.split("/").pop() || "input" }
      : inferSource(options.cluster, label.startsWith("..") ? path : label);
    if (typeof source === "string") {
      problems.push(source);
      continue;
    }
    files.push({ path, label, source, bytes: (await stat(path)).size });
  }
  if (problems.length > 0) throw new InputError(problems.join("\n"));
  return { files, cleanup: async () => undefined };
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (!isLogFile(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

async function fromStdin(
  options: SelectInputOptions,
  forced: DataSource | undefined,
): Promise<InputSelection> {
  let source: ResolvedSource | string;
  if (forced) source = { ...forced, key: "stdin" };
  else {
    const inferred = inferSource(options.cluster, "stdin");
    source =
      typeof inferred === "string"
        ? `reading stdin needs --service and --source: ${inferred.replace(/^.*?: /, "")}`
        : inferred;
  }
  if (typeof source === "string") throw new InputError(source);
  // copied to a file: S3 needs the object's length before the upload, and the reader may need
  // to look at the whole input to tell one JSON document from JSON lines
  const dir = await mkdtemp(join(tmpdir(), "streamalert-stdin-"));
  const path = join(dir, "stdin");
  await pipeline(options.stdin ?? process.stdin, createWriteStream(path));
  return {
    files: [{ path, label: "stdin", source, bytes: (await stat(path)).size }],
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
