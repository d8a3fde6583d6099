// The kept JSON (see record-json) of a CSV record, written from its row's own text: a field the
// cast left a string goes in quotes as read, an integer read as plain digits goes in as those
// digits. JSON.stringify of the record would find the same text the slow way (number to text,
// and a check of every character of every value), taking 1.2 to 2 times as long on RDS audit
// rows (docs/PERFORMANCE.md).
import type { LogRecord } from "../shared/classified-record";
import { isPlainJsonString, valueJson } from "./object-json";
import type { CsvRowSource } from "./parsers/record-input";
import { isIndexLikeKey, type KeptJson } from "./record-json";

/** undefined for a value JSON leaves out (the record is then encoded whole) */
export type CsvRecordJson = (record: LogRecord, row: CsvRowSource) => KeptJson | undefined;

/**
 * The encoder for records of these columns (the schema's keys, which the csv parser writes in
 * order), or undefined when an object would not list them in that order or at all: integer-like
 * keys come first, and `__proto__` is no own key.
 */
export function compileCsvRecordJson(keys: readonly string[]): CsvRecordJson | undefined {
  if (keys.length === 0 || keys.some((key) => key === "__proto__" || isIndexLikeKey(key))) {
    return undefined;
  }
  // per column and whether the previous value was left open in quotes: what goes before the
  // value, for a quoted value ([1], opening quote included) and for any other ([0])
  const before = keys.map((key, index) =>
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
    for (let index = 0; index < keys.length; index++) {
      const value = record[keys[index]];
      const field = row.fields[index];
      if (value === field && (row.plain || isPlainJsonString(field))) {
        head += before[index][open][1] + field;
        open = 1;
      } else {
        const json =
          typeof value === "number" && isCanonicalInteger(field, value) ? field : valueJson(value);
        if (json === undefined) return undefined;
        head += before[index][open][0] + json;
        open = 0;
      }
    }
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
