// Secret values for the CLI (output credentials, app auth, API keys): from `--<key> value`
// flags, from a JSON object on stdin (--from-stdin), or asked for on a terminal with the typing
// hidden. Values never go to stdout or into error messages; errors name keys only.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { CliUsageError } from "./command-action";

export interface SecretField {
  /** key in the stored JSON, e.g. "webhook_url" */
  key: string;
  /** shown in the prompt */
  description: string;
  /** a message when the value is unusable (named without the value), else undefined */
  check?: (value: string) => string | undefined;
  /** the value given is the path of a JSON file whose content is stored (Google/Box key files) */
  jsonFile?: boolean;
  /** not secret: echoed while typed */
  visible?: boolean;
}

export interface SecretSources {
  /** `--key value` pairs given after the known options */
  flags: Record<string, string>;
  /** read a JSON object from stdin */
  fromStdin: boolean;
  /** keep keys beyond `fields` (optional settings), as given */
  extraKeys?: boolean;
}

const toKey = (flag: string) => flag.replace(/^-+/, "").replace(/-/g, "_");

/**
 * `--key value` / `--key=value` pairs from the arguments commander did not know. Anything else,
 * or a key not in `allowed`, is a usage error listing the keys this command takes.
 */
export function parseSecretFlags(
  tokens: readonly string[],
  allowed: readonly string[] | "any",
  what: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  const allowedList =
    allowed === "any" || allowed.length === 0 ? "none" : allowed.map((k) => `--${k}`).join(", ");
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token.startsWith("--")) {
      // Not echoed: a stray value may be a secret.
      const lastOption = tokens
        .slice(0, index)
        .reverse()
        .find((earlier) => earlier.startsWith("--"));
      throw new CliUsageError(
        `unexpected extra value after ${lastOption ? lastOption.split("=")[0] : "the options"}; give each value as --<key> <value>`,
      );
    }
    const equals = token.indexOf("=");
    const key = toKey(equals === -1 ? token : token.slice(0, equals));
    if (allowed !== "any" && !allowed.includes(key)) {
      throw new CliUsageError(
        `unknown option ${token.slice(0, equals === -1 ? undefined : equals)} for ${what}; its keys: ${allowedList}`,
      );
    }
    if (equals !== -1) values[key] = token.slice(equals + 1);
    else {
      const next = tokens[index + 1];
      if (next === undefined) throw new CliUsageError(`--${key} needs a value`);
      values[key] = next;
      index++;
    }
  }
  return values;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Asks on the terminal (stderr) for each field in turn, hiding what is typed unless the field is
 * `visible`. One reader for all questions, so typed-ahead lines are not lost between them.
 */
async function askOnTerminal(fields: readonly SecretField[]): Promise<Record<string, string>> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: true });
  const question = (text: string, visible: boolean) =>
    new Promise<string>((resolve) => {
      muted = false;
      reader.question(text, (answer) => {
        muted = false;
        if (!visible) process.stderr.write("\n");
        resolve(answer.trim());
      });
      muted = !visible;
    });
  const answers: Record<string, string> = {};
  try {
    for (const field of fields) {
      let answer = "";
      while (answer === "") {
        answer = await question(`${field.key} (${field.description}): `, field.visible === true);
      }
      answers[field.key] = answer;
    }
  } finally {
    reader.close();
  }
  return answers;
}

function fromJsonFile(key: string, path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.trim(), "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    throw new CliUsageError(`${key}: the file ${path.trim()} ${reason}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CliUsageError(`${key}: the file ${path.trim()} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * The secret object for `fields`: flags first, then stdin JSON, then (on a terminal) a prompt
 * for each key still missing. Off a terminal, missing keys are a usage error naming them.
 */
export async function collectSecrets(
  fields: readonly SecretField[],
  sources: SecretSources,
  what: string,
): Promise<Record<string, unknown>> {
  const allowed = fields.map((field) => field.key);
  const raw: Record<string, unknown> = {};
  if (sources.fromStdin) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readStdin());
    } catch {
      throw new CliUsageError(
        `--from-stdin: stdin must be a JSON object with the keys ${allowed.join(", ")}`,
      );
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new CliUsageError(`--from-stdin: stdin must be a JSON object, not ${typeof parsed}`);
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!allowed.includes(key) && !sources.extraKeys) {
        throw new CliUsageError(
          `--from-stdin: unknown key ${JSON.stringify(key)} for ${what}; its keys: ${allowed.join(", ")}`,
        );
      }
      raw[key] = value;
    }
  }
  Object.assign(raw, sources.flags);
  const missing = fields.filter((field) => raw[field.key] === undefined || raw[field.key] === "");
  if (missing.length > 0) {
    if (sources.fromStdin || process.stdin.isTTY !== true) {
      throw new CliUsageError(
        `${what} needs ${missing.map((f) => f.key).join(", ")}: pass --<key> <value>, pipe a JSON object with --from-stdin, or run on a terminal to be asked`,
      );
    }
    Object.assign(raw, await askOnTerminal(missing));
  }
  const secrets: Record<string, unknown> = {};
  if (sources.extraKeys) {
    for (const [key, value] of Object.entries(raw))
      if (!allowed.includes(key)) secrets[key] = value;
  }
  for (const field of fields) {
    const value = raw[field.key];
    if (field.jsonFile && typeof value === "string") {
      secrets[field.key] = fromJsonFile(field.key, value);
      continue;
    }
    if (typeof value !== "string" && !(field.jsonFile && typeof value === "object")) {
      throw new CliUsageError(`${field.key} must be a string`);
    }
    const problem = typeof value === "string" ? field.check?.(value) : undefined;
    if (problem) throw new CliUsageError(`${field.key}: ${problem}`);
    secrets[field.key] = value;
  }
  return secrets;
}

/** "********" per key: what `get` commands show instead of stored values. */
export function maskedEntries(secret: Record<string, unknown>): string[] {
  return Object.keys(secret)
    .sort()
    .map((key) => `${key}: ********`);
}
