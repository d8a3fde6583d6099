// local-file: alerts as JSON lines on this machine, one file per descriptor (`streamalert run`
// sends here instead of Slack, PagerDuty or AWS). Each line is
// `{"alert_id", "rule_name", "publication"}`: the publication is what the real output would
// have been given (the alert after its publishers). An alert already in a file is not appended
// again, so running the same input twice, or the processor retrying, never duplicates a line.
import { createReadStream } from "node:fs";
import { appendFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { OutputConfigError, OutputError } from "./errors";
import type { DispatchRequest, OutputService } from "./types";

export const LOCAL_FILE_SERVICE = "local-file";

export interface LocalFileOutputOptions {
  /** folder the files are written to; created on the first alert */
  dir: string;
}

/** One line of a local-file output. */
export interface LocalFileLine {
  alert_id: string;
  rule_name: string;
  publication: Record<string, unknown>;
}

export interface LocalFileStats {
  descriptor: string;
  path: string;
  /** lines written by this output instance */
  appended: number;
  /** alerts that were already in the file (an earlier run, a retry) */
  alreadyPresent: number;
}

export interface LocalFileOutput extends OutputService {
  /** every file this instance wrote to (or found an alert already in), by descriptor */
  files(): LocalFileStats[];
}

/** `slack-security alerts` → `slack-security_alerts.jsonl`: safe on every file system. */
export function localFileName(descriptor: string): string {
  const safe = descriptor.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return `${safe || "_"}.jsonl`;
}

interface FileState {
  stats: LocalFileStats;
  /** alert ids in the file, loaded on first use */
  ids?: Set<string>;
  /** writes to one file run one after another: no interleaved lines, no double load */
  queue: Promise<void>;
}

export function createLocalFileOutput(options: LocalFileOutputOptions): LocalFileOutput {
  const states = new Map<string, FileState>();

  function stateOf(descriptor: string): FileState {
    const path = join(options.dir, localFileName(descriptor));
    let state = states.get(path);
    if (!state) {
      state = {
        stats: { descriptor, path, appended: 0, alreadyPresent: 0 },
        queue: Promise.resolve(),
      };
      states.set(path, state);
    }
    return state;
  }

  async function write(state: FileState, request: DispatchRequest): Promise<void> {
    state.ids ??= await idsInFile(state.stats.path);
    const id = request.alert.alertId;
    if (state.ids.has(id)) {
      state.stats.alreadyPresent++;
      return;
    }
    const line: LocalFileLine = {
      alert_id: id,
      rule_name: request.alert.ruleName,
      publication: request.publication,
    };
    await mkdir(options.dir, { recursive: true });
    await appendFile(state.stats.path, `${JSON.stringify(line)}\n`, "utf8");
    state.ids.add(id);
    state.stats.appended++;
  }

  return {
    service: LOCAL_FILE_SERVICE,
    credentialKeys: [],
    async dispatch(request) {
      if (!request.descriptor) {
        throw new OutputConfigError(`${LOCAL_FILE_SERVICE}: the descriptor (file name) is empty`);
      }
      const state = stateOf(request.descriptor);
      const done = state.queue.then(() => write(state, request));
      state.queue = done.catch(() => undefined);
      try {
        await done;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new OutputError(`${LOCAL_FILE_SERVICE}: cannot write ${state.stats.path}: ${reason}`);
      }
    },
    files() {
      return [...states.values()].map((state) => ({ ...state.stats }));
    },
  };
}

/** The alert ids already in a file; none when it does not exist. Unreadable lines are skipped. */
async function idsInFile(path: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const stream = createReadStream(path, { encoding: "utf8" });
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      const id = alertIdOf(line);
      if (id) ids.add(id);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  } finally {
    stream.destroy();
  }
  return ids;
}

function alertIdOf(line: string): string | undefined {
  if (line.trim() === "") return undefined;
  try {
    const parsed = JSON.parse(line) as Partial<LocalFileLine> | null;
    return typeof parsed?.alert_id === "string" ? parsed.alert_id : undefined;
  } catch {
    return undefined;
  }
}
