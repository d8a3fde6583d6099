// The kv parser (SPEC §3.4): `key=value` fields split by a delimiter, as StreamAlert does it.
import type { LogSchema } from "../../shared/config/types";
import type { ExtractRecords } from "./record-input";

export function compileKvParser(log: LogSchema): ExtractRecords {
  const delimiter = String(log.configuration.delimiter ?? " ");
  const separator = String(log.configuration.separator ?? "=");
  const schemaKeys = Object.keys(log.schema);
  return (input) => {
    const text = input.text();
    if (text === undefined) return undefined;
    const fields = text.split(delimiter).filter((field) => field !== "");
    if (fields.length !== schemaKeys.length) return undefined;
    const record: Record<string, string> = {};
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      const at = field.indexOf(separator);
      if (at === -1) continue; // a field without the separator is skipped
      const key = field.slice(0, at);
      if (key === "__proto__") return undefined;
      // a repeated key takes the schema's key name at this position instead
      record[Object.hasOwn(record, key) ? schemaKeys[index] : key] = field.slice(
        at + separator.length,
      );
    }
    return [record];
  };
}
