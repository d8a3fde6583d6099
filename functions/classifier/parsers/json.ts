// The json parser (SPEC §3.4): the whole object, records selected by json_path (optionally
// embedded JSON strings), or a JSON object found inside one string field (json_regex_key).
import type { SchemaConfiguration } from "../../shared/config/types";
import { isPlainObject } from "../schema/python-values";
import { findJsonBlob } from "./json-blob";
import { compileSelectRecords } from "./json-path";
import type { ExtractRecords } from "./record-input";

/** JSON text of an object, parsed; anything else undefined (checked before parsing, so the
 * common case of a plain-text message costs no exception). */
function parseObject(text: string): Record<string, unknown> | undefined {
  if (!startsWithBrace(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function startsWithBrace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) return true; // {
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return false;
}

export function compileJsonParser(configuration: SchemaConfiguration): ExtractRecords {
  const { json_path: jsonPath, embedded_json: embedded, json_regex_key: regexKey } = configuration;
  if (jsonPath) {
    const select = compileSelectRecords(jsonPath);
    if (!embedded) return (input) => select(input.json());
    return (input, sources) => {
      const selected = select(input.json());
      if (!selected) return undefined;
      const records: unknown[] = [];
      for (const text of selected) {
        if (typeof text !== "string") continue;
        const record = parseObject(text);
        if (!record) continue;
        if (sources) sources[records.length] = text;
        records.push(record);
      }
      return records;
    };
  }
  if (regexKey) {
    return (input, sources) => {
      const root = input.json();
      // StreamAlert searched Python's str() of the value: only a string can hold JSON
      const value = isPlainObject(root) ? root[regexKey] : undefined;
      if (typeof value !== "string") return undefined;
      const blob = findJsonBlob(value);
      const record = blob === undefined ? undefined : parseObject(blob);
      if (!record) return undefined;
      if (sources) sources[0] = blob;
      return [record];
    };
  }
  return (input) => {
    const root = input.json();
    return root === undefined ? undefined : [root];
  };
}
