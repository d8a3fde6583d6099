// CSV records are cast and their kept JSON (see record-json) written in one pass over the row:
// a field the cast left a string goes in quotes as read, an integer read as plain digits goes in
// as those digits. JSON.stringify of the record would find the same text the slow way (number to
// text, and a check of every character of every value), taking 1.2 to 2 times as long on RDS
// audit rows, and a cast of its own would walk the record's keys again (docs/PERFORMANCE.md).
import type { LogRecord } from "../shared/classified-record";
import { isPlainJsonString, valueJson } from "./object-json";
import type { CsvRowSource } from "./parsers/record-input";
import { isIndexLikeKey, type KeptJson } from "./record-json";
import { CAST_FAILED } from "./schema/cast";
import { type CompiledObjectSchema, castField } from "./schema/compile-schema";

/**
 * Casts `record` (the csv parser's fresh record of `row`, one key per column in schema order) in
 * place as castRecord would, and returns its kept JSON: CAST_FAILED when a value does not cast,
 * undefined when a value is one JSON leaves out (the record is then encoded whole).
 */
export type CsvRecordCast = (
  record: LogRecord,
  row: CsvRowSource,
) => KeptJson | undefined | typeof CAST_FAILED;

/**
 * The cast for records of this schema, or undefined when an object would not list its keys in
 * schema order or at all: integer-like keys come first, and `__proto__` is no own key.
 */
export function compileCsvRecordCast(schema: CompiledObjectSchema): CsvRecordCast | undefined {
  const fields = schema.list;
  if (fields.length === 0 || fields.some(({ key }) => key === "__proto__" || isIndexLikeKey(key))) {
    return undefined;
  }
  // per column and whether the previous value was left open in quotes: what goes before the
  // value, for a quoted value ([1], opening quote included) and for any other ([0])
  const before = fields.map(({ key }, index) =>
    [false, true].map((previousQuoted) =>
      [false, true].map(
        (quoted) =>
          `${index === 0 ? "{" : previousQuoted ? '",' : ","}${JSON.stringify(key)}:${quoted ? '"' : ""}`,
      ),
    ),
  );
  return (record, row) => {
    let head = "";
    let open = 0; // 1 while the last value's closing quote is still to be written
    let complete = true;
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index];
      // a flat column's value is its field; a nested one's, the record the parser made of it
      const text = row.fields[index];
      const original = field.kind === "nested" ? record[field.key] : text;
      const value = castField(original, field, "inPlace");
      if (value === CAST_FAILED) return CAST_FAILED;
      if (value !== original) record[field.key] = value;
      if (value === text && (row.plain || isPlainJsonString(text))) {
        head += before[index][open][1] + text;
        open = 1;
        continue;
      }
      const json =
        typeof value === "number" && isCanonicalInteger(text, value) ? text : valueJson(value);
      if (json === undefined) complete = false;
      else head += before[index][open][0] + json;
      open = 0;
    }
    if (!complete) return undefined;
    if (open) head += '"';
    return { head, empty: false };
  };
}

/** `field` is the JSON of `value`: plain digits without a leading zero, read exactly. */
function isCanonicalInteger(field: string, value: number): boolean {
  if (value > Number.MAX_SAFE_INTEGER || field.length === 0) return false;
  if (field.charCodeAt(0) === 0x30) return field.length === 1;
  for (let index = 0; index < field.length; index++) {
    const code = field.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
