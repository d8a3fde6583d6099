// `override_record` (SPEC §4.6): a partial record completed with type defaults, as StreamAlert
// did it — from the log's envelope keys when it has them, else from its schema — with the
// override's keys on top.
import type { LogSchema, SchemaType } from "../../../functions/shared/config/types";

/** StreamAlert's default per schema type: "" 0 0.0 false {} []. */
export function defaultForType(type: SchemaType): unknown {
  if (Array.isArray(type)) return [];
  if (typeof type === "object" && type !== null) return {};
  switch (type) {
    case "string":
      return "";
    case "integer":
    case "float":
      return 0;
    case "boolean":
      return false;
    default:
      return "";
  }
}

export function recordFromOverride(
  logSchema: Pick<LogSchema, "schema" | "configuration">,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const envelope = logSchema.configuration?.envelope_keys;
  const keys = envelope && Object.keys(envelope).length > 0 ? envelope : logSchema.schema;
  const record: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(keys)) record[key] = defaultForType(type);
  return Object.assign(record, override);
}
