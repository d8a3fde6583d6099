// Values StreamAlert inserts for optional keys that a record lacks: an instance of the
// declared type (Python's str(), int(), float(), bool(), dict(), list()).
import type { SchemaType } from "../../shared/config/types";

export function defaultValueFor(type: SchemaType): unknown {
  if (Array.isArray(type)) return [];
  if (typeof type === "object") return {};
  switch (type) {
    case "string":
      return "";
    case "boolean":
      return false;
    default:
      // "integer" and "float" (JSON has one number type: 0 and 0.0 are the same value)
      return 0;
  }
}
