// Runs `streamalert` in process through buildProgram(), capturing what it writes, for the CLI
// command tests; and temporary copies of the project's conf/ and schemas/ for them to edit.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { type Command, CommanderError } from "commander";
import { buildProgram } from "../../../scripts/streamalert";

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function captureEverywhere(command: Command, write: (text: string) => void): void {
  command.exitOverride();
  command.configureOutput({ writeOut: write, writeErr: write });
  for (const sub of command.commands) captureEverywhere(sub, write);
}

/** `streamalert <args>`; stdin, when given, is what the command reads from process.stdin. */
export async function runCli(args: string[], stdin?: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const program = buildProgram();
  captureEverywhere(program, (text) => {
    stderr += text;
  });
  const outSpy = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const errSpy = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const realStdin = Object.getOwnPropertyDescriptor(process, "stdin");
  if (stdin !== undefined) {
    Object.defineProperty(process, "stdin", { value: Readable.from([stdin]), configurable: true });
  }
  process.exitCode = undefined;
  let exitCode = 0;
  try {
    await program.parseAsync(["node", "streamalert", ...args]);
    exitCode = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
    if (stdin !== undefined && realStdin) Object.defineProperty(process, "stdin", realStdin);
    process.exitCode = undefined;
  }
  return { stdout, stderr, exitCode };
}

export interface TempConf {
  root: string;
  /** the conf folder */
  conf: string;
  read(file: string): string;
  json(file: string): Record<string, unknown>;
  /** every conf file's text, to show nothing changed */
  snapshot(): Record<string, string>;
  remove(): void;
}

const CONF_FILES = [
  "global.json",
  "lambda.json",
  "outputs.json",
  "threat_intel.json",
  "lookup_tables.json",
  "clusters/prod.json",
  "clusters/corp.json",
];

/** A temporary copy of the project's conf/ and schemas/. */
export function tempConf(): TempConf {
  const root = mkdtempSync(join(tmpdir(), "streamalert-cli-"));
  cpSync("conf", join(root, "conf"), { recursive: true });
  cpSync("schemas", join(root, "schemas"), { recursive: true });
  const conf = join(root, "conf");
  const read = (file: string) => readFileSync(join(conf, file), "utf8");
  return {
    root,
    conf,
    read,
    json: (file) => JSON.parse(read(file)) as Record<string, unknown>,
    snapshot: () => Object.fromEntries(CONF_FILES.map((file) => [file, read(file)])),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
