// The csv parser (SPEC §3.4): columns map to the schema's keys in order, a nested object schema
// means that column is itself CSV, and json_path pulls CSV text out of a JSON envelope.
import type { LogSchema, SchemaObject } from "../../shared/config/types";
import { NEEDS_JSON_ESCAPE } from "../object-json";
import { type CsvDialect, readCsvRows, readSimpleCsvLine } from "./csv-reader";
import { compileSelectRecords } from "./json-path";
import type { ExtractRecords } from "./record-input";

interface CsvColumn {
  key: string;
  /** the column is itself CSV with this layout */
  nested?: CsvColumn[];
  /** StreamAlert parses an empty `{}` column as CSV with no columns: it never matches */
  neverMatches?: boolean;
}

function compileColumns(schema: SchemaObject): CsvColumn[] {
  return Object.entries(schema).map(([key, type]) => {
    if (typeof type !== "object" || type === null || Array.isArray(type)) return { key };
    const nested = compileColumns(type);
    return nested.length === 0 ? { key, neverMatches: true } : { key, nested };
  });
}

/** Rows of one CSV text: readCsvRows, with a one-pass reader for the common one-line text. */
export function parseRows(text: string, dialect: CsvDialect): string[][] {
  if (text === "") return [];
  const fields = readSimpleCsvLine(text, dialect);
  return fields ? [fields] : readCsvRows(text, dialect);
}

function rowToRecord(
  row: string[],
  columns: CsvColumn[],
  dialect: CsvDialect,
): Record<string, unknown> | undefined {
  if (row.length !== columns.length) return undefined;
  const record: Record<string, unknown> = {};
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index];
    if (column.neverMatches) return undefined;
    if (column.nested) {
      const first = parseRows(row[index], dialect)[0];
      const nested = first && rowToRecord(first, column.nested, dialect);
      if (!nested) return undefined;
      record[column.key] = nested;
    } else record[column.key] = row[index];
  }
  return record;
}

export function compileCsvParser(log: LogSchema): ExtractRecords {
  const configuration = log.configuration;
  const dialect: CsvDialect = {
    delimiter: String(configuration.delimiter ?? ","),
    quote: String(configuration.quotechar ?? '"'),
    escape: configuration.escapechar === undefined ? undefined : String(configuration.escapechar),
  };
  const columns = compileColumns(log.schema);
  const select = configuration.json_path
    ? compileSelectRecords(configuration.json_path)
    : undefined;
  return (input, sources) => {
    let items: unknown[] | undefined;
    if (select) items = select(input.json());
    else {
      const text = input.text();
      items = text === undefined ? undefined : [text];
    }
    if (!items) return undefined;
    const records: unknown[] = [];
    for (const item of items) {
      if (typeof item !== "string") continue;
      const plain = sources !== undefined && !NEEDS_JSON_ESCAPE.test(item);
      for (const row of parseRows(item, dialect)) {
        const record = rowToRecord(row, columns, dialect);
        if (!record) continue;
        if (sources) sources[records.length] = { fields: row, plain };
        records.push(record);
      }
    }
    return records;
  };
}
