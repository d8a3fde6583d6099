// Editing conf/ from the CLI (SPEC §7): every command that changes configuration goes through
// `editConf`, which applies the edits in memory, validates the whole folder as it would then be,
// and writes only when it is valid. Files are patched in place (jsonc-parser edits), so their
// layout, key order and inline lists survive and a diff shows only what the command changed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { applyEdits, type JSONPath, modify } from "jsonc-parser";
import {
  type ConfigIssue,
  formatConfigIssue,
  type ParsedConfig,
  parseConfig,
  type RawConfigFiles,
  readConfigFiles,
  resolveSchemasDir,
} from "../../functions/shared/config";

/** One change: file relative to the conf folder ("global.json", "clusters/prod.json") → new content. */
export type ConfEdit = (current: unknown) => unknown;

export interface EditConfOptions {
  /** where the schemas are, when not conf/schemas or ../schemas */
  schemasDir?: string;
}

export interface EditConfResult extends ParsedConfig {
  /** the files written, as paths */
  written: string[];
}

/** The indentation a JSON text uses ("  " when it cannot tell). */
export function detectIndent(text: string): string | number {
  const match = /^[{[]\s*\n([ \t]+)\S/.exec(text);
  return match ? match[1] : 2;
}

/** JSON for a new conf file: the given indentation and a final newline. */
export function formatJson(value: unknown, indent: string | number = 2): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The smallest set of (path, new value) changes that turns `before` into `after`. */
function jsonChanges(before: Json, after: Json, path: JSONPath = []): [JSONPath, Json][] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const changes: [JSONPath, Json][] = [];
    for (const key of Object.keys(before)) {
      if (!(key in after)) changes.push([[...path, key], undefined]);
    }
    for (const [key, value] of Object.entries(after)) {
      if (!(key in before)) changes.push([[...path, key], value]);
      else changes.push(...jsonChanges(before[key], value, [...path, key]));
    }
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [[path, after]];
}

/**
 * The file's text with `next` in place of its content, changed only where the values differ:
 * comments-free JSON keeps its layout, inline lists and key order; new keys go at the end of
 * their object in the file's indentation.
 */
export function patchJsonText(text: string, next: Json): string {
  const indent = detectIndent(text);
  const formattingOptions = {
    insertSpaces: typeof indent === "number" || !indent.includes("\t"),
    tabSize: typeof indent === "number" ? indent : indent.length,
    eol: "\n",
  };
  let patched = text;
  for (const [path, value] of jsonChanges(JSON.parse(text), next)) {
    if (path.length === 0) return formatJson(next, indent);
    patched = applyEdits(patched, modify(patched, path, value, { formattingOptions }));
  }
  return patched;
}

/** Deep copy of plain JSON, so an edit function may mutate what it is given. */
function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Applies `edits` to the conf folder: each edit gets a copy of the file's current JSON
 * (undefined when the file does not exist) and returns the new content. The folder is validated
 * as it would be after the change (ConfigValidationError listing every problem if not); only
 * then are the changed files written. Returns the parsed configuration after the change.
 */
export function editConf(
  configDir: string,
  edits: Record<string, ConfEdit>,
  options: EditConfOptions = {},
): EditConfResult {
  const dir = normalize(configDir);
  const schemasDir = resolveSchemasDir(dir, options);
  const files: RawConfigFiles = readConfigFiles(dir, options);
  const changed: Array<{ path: string; text: string }> = [];
  for (const [name, edit] of Object.entries(edits)) {
    const path = join(dir, name);
    const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    const next = edit(cloneJson(files[name]));
    files[name] = next;
    const text = before === undefined ? formatJson(next) : patchJsonText(before, next);
    if (text !== before) changed.push({ path, text });
  }
  const parsed = parseConfig(files, { dir, schemasDir });
  for (const { path, text } of changed) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { ...parsed, written: changed.map((c) => c.path) };
}

/** Warnings as CLI lines ("conf/x.json: path: message"). */
export function warningLines(warnings: readonly ConfigIssue[]): string[] {
  return warnings.map((w) => `warning: ${formatConfigIssue(w)}`);
}
