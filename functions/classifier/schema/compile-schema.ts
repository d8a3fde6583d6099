// A log schema compiled once into lookup tables, and the one-pass check-and-cast StreamAlert's
// parsers perform (_key_check + _convert_type). Parsed JSON shared by several schemas is never
// modified while a schema is being tried (see CastMode).
import type { LogRecord } from "../../shared/classified-record";
import type { SchemaObject, SchemaType } from "../../shared/config/types";
import {
  CAST_FAILED,
  type CastResult,
  castToBoolean,
  castToFloat,
  castToInteger,
  castToString,
} from "./cast";
import { defaultValueFor } from "./defaults";
import { isInheritedName, isPlainObject, isPythonFalsy, ownValue } from "./python-values";

type FieldKind =
  | "string"
  | "integer"
  | "float"
  | "boolean"
  | "any" // `{}`: StreamAlert checks nothing below an empty object schema
  | "list"
  | "nested"
  | "unsupported";

export interface CompiledField {
  key: string;
  type: SchemaType;
  kind: FieldKind;
  optional: boolean;
  /** Object.prototype has this key too, so a value read from a record may be inherited */
  inherited: boolean;
  nested?: CompiledObjectSchema;
}

export interface CompiledObjectSchema {
  /** key → field, in an object without a prototype (faster than a Map for these lookups) */
  fields: Record<string, CompiledField | undefined>;
  /** fields in declaration order */
  list: CompiledField[];
  requiredCount: number;
  optionalFields: CompiledField[];
  /**
   * Optional fields whose type is a non-empty object schema. StreamAlert's nested key check
   * runs on `record.get(key, {})`, so such a key is in effect required; kept for compatibility.
   */
  optionalNested: CompiledField[];
  /** StreamAlert never uses a schema whose optional keys are not all declared in it. */
  usable: boolean;
}

function kindOf(type: SchemaType): FieldKind {
  if (Array.isArray(type)) return "list";
  if (typeof type === "object" && type !== null) {
    return Object.keys(type).length === 0 ? "any" : "nested";
  }
  switch (type) {
    case "string":
    case "integer":
    case "float":
    case "boolean":
      return type;
    default:
      return "unsupported";
  }
}

/** Compile an object schema; nested object schemas never have optional keys. */
export function compileObjectSchema(
  schema: SchemaObject,
  optionalKeys: readonly string[] = [],
): CompiledObjectSchema {
  const optional = new Set(optionalKeys);
  const compiled: CompiledObjectSchema = {
    fields: Object.create(null) as Record<string, CompiledField | undefined>,
    list: [],
    requiredCount: 0,
    optionalFields: [],
    optionalNested: [],
    usable: optionalKeys.every((key) => Object.hasOwn(schema, key)),
  };
  for (const [key, type] of Object.entries(schema)) {
    const kind = kindOf(type);
    const field: CompiledField = {
      key,
      type,
      kind,
      optional: optional.has(key),
      inherited: isInheritedName(key),
    };
    if (kind === "nested") field.nested = compileObjectSchema(type as SchemaObject);
    compiled.fields[key] = field;
    compiled.list.push(field);
    if (!field.optional) compiled.requiredCount++;
    else {
      compiled.optionalFields.push(field);
      if (kind === "nested") compiled.optionalNested.push(field);
    }
  }
  return compiled;
}

/**
 * How castRecord treats the source object:
 * - "copy": always returns a new object (the source may be someone else's);
 * - "copyOnWrite": returns the source itself when no value changes, else a copy; the source is
 *   never modified, so other schemas can still be tried on the same parsed JSON;
 * - "inPlace": writes cast values into the source (a candidate the parser made for this schema).
 */
export type CastMode = "copy" | "copyOnWrite" | "inPlace";

export function castField(value: unknown, field: CompiledField, mode: CastMode): CastResult {
  switch (field.kind) {
    case "nested":
      // the key check comes before the falsy skip: null or {} fails a non-empty schema
      return castRecord(value, field.nested!, mode) ?? CAST_FAILED;
    case "any":
      return value;
    default:
      break;
  }
  if (isPythonFalsy(value)) return value;
  switch (field.kind) {
    case "string":
      return castToString(value);
    case "integer":
      return castToInteger(value);
    case "float":
      return castToFloat(value);
    case "boolean":
      return castToBoolean(value);
    case "list":
      return Array.isArray(value) ? value : CAST_FAILED;
    default:
      return CAST_FAILED;
  }
}

/**
 * Exact key check and cast: the record's keys plus the optional keys must equal the schema's
 * keys. Returns the cast record (in the source's key order), or undefined when it does not
 * match. Recursion follows the schema, so its depth is bounded by the schema's, not the record's.
 */
export function castRecord(
  value: unknown,
  schema: CompiledObjectSchema,
  mode: CastMode = "copy",
): LogRecord | undefined {
  if (!isPlainObject(value)) return undefined;
  if (schema.list.length === 0) return mode === "copy" ? { ...value } : value; // `{}`: no check
  let required = 0;
  let out: LogRecord | undefined = mode === "inPlace" ? value : undefined;
  for (const key in value) {
    const field = schema.fields[key];
    if (field === undefined) return undefined;
    if (!field.optional) required++;
    const original = value[key];
    const cast = castField(original, field, mode);
    if (cast === CAST_FAILED) return undefined;
    if (cast !== original) {
      out ??= { ...value };
      out[key] = cast;
    }
  }
  if (required !== schema.requiredCount) return undefined;
  for (const field of schema.optionalNested) {
    if (!Object.hasOwn(value, field.key)) return undefined;
  }
  return out ?? (mode === "copy" ? { ...value } : value);
}

/**
 * Envelope keys only need to be present at the root (extra keys are fine). Returns the cast
 * envelope (schema order, optional defaults added) or undefined when a required key is missing
 * or a value cannot be cast.
 */
export function castEnvelope(root: unknown, schema: CompiledObjectSchema): LogRecord | undefined {
  if (!isPlainObject(root)) return undefined;
  const out: LogRecord = {};
  for (const field of schema.list) {
    const value = ownValue(root, field.key, field.inherited);
    if (value === undefined) {
      if (!field.optional || field.kind === "nested") return undefined;
      continue;
    }
    const cast = castField(value, field, "copy");
    if (cast === CAST_FAILED) return undefined;
    out[field.key] = cast;
  }
  addOptionalDefaults(out, schema);
  return out;
}

/**
 * Add a default value for every optional key the record lacks (a fresh {} or [] each time).
 * Returns the indexes in schema.optionalFields of the keys added, or undefined when none was.
 */
export function addOptionalDefaults(
  record: LogRecord,
  schema: CompiledObjectSchema,
): number[] | undefined {
  const fields = schema.optionalFields;
  let added: number[] | undefined;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (ownValue(record, field.key, field.inherited) !== undefined) continue;
    record[field.key] = defaultValueFor(field.type);
    if (added) added.push(index);
    else added = [index];
  }
  return added;
}
