// Glue (Athena) column types derived from a log schema. Chosen mapping, documented for operators:
// string → string, integer → bigint (JSON integers exceed int), float → double, boolean → boolean,
// {} (any keys) → map<string,string>, an object with declared keys → struct<...> of those keys,
// [] (any list) → array<string>. Names are sanitized exactly as the classifier's Firehose sender
// sanitizes record keys (non-word characters → `_`), so columns and JSON keys match.
import { sanitizeName } from "../../functions/classifier/senders/firehose-names";
import type { LogSchema, SchemaType } from "../../functions/shared/config/types";

export interface GlueColumn {
  name: string;
  type: string;
}

export function glueType(type: SchemaType): string {
  if (Array.isArray(type)) return "array<string>";
  if (typeof type === "object") {
    const fields = Object.entries(type);
    if (fields.length === 0) return "map<string,string>";
    return `struct<${fields.map(([key, inner]) => `${sanitizeName(key)}:${glueType(inner)}`).join(",")}>`;
  }
  switch (type) {
    case "integer":
      return "bigint";
    case "float":
      return "double";
    case "boolean":
      return "boolean";
    default:
      return "string";
  }
}

/**
 * Columns of one log type's table, in schema order, then the envelope keys the classifier adds
 * (`streamalert:envelope_keys`, sanitized) and StreamAlert's normalization column.
 */
export function glueColumns(log: Pick<LogSchema, "schema" | "configuration">): GlueColumn[] {
  const columns = Object.entries(log.schema).map(([name, type]) => ({
    name: sanitizeName(name).toLowerCase(),
    type: glueType(type),
  }));
  const envelope = log.configuration.envelope_keys;
  if (envelope && Object.keys(envelope).length > 0) {
    columns.push({ name: "streamalert_envelope_keys", type: glueType(envelope) });
  }
  columns.push({ name: "streamalert_normalization", type: "map<string,array<string>>" });
  return columns;
}

/** The `alerts` table: the fields of an alert the alerts Firehose delivers. */
export const ALERT_COLUMNS: GlueColumn[] = [
  { name: "alert_id", type: "string" },
  { name: "attempts", type: "bigint" },
  { name: "cluster", type: "string" },
  { name: "context", type: "string" },
  { name: "created", type: "string" },
  { name: "log_source", type: "string" },
  { name: "log_type", type: "string" },
  { name: "outputs", type: "array<string>" },
  { name: "outputs_sent", type: "array<string>" },
  { name: "publishers", type: "string" },
  { name: "record", type: "string" },
  { name: "rule_description", type: "string" },
  { name: "rule_name", type: "string" },
  { name: "source_entity", type: "string" },
  { name: "source_service", type: "string" },
  { name: "staged", type: "boolean" },
];
