// The JSON of a classified record for the rules engine's queue, without encoding again what the
// classifier did not change. A record that is a JSON object parsed from the input and passed its
// schema's cast unchanged is written as its source text with the keys the classifier added
// (envelope, optional-key defaults, normalization) spliced in before the closing brace. Encoding
// the record is the largest single cost of classifying JSON logs (docs/PERFORMANCE.md), and the
// source text is already in memory. Every other record is encoded with JSON.stringify.
//
// The splice parses to the same value as JSON.stringify of the record: JSON.parse keeps the last
// of duplicate keys, so a key the classifier assigned again (normalization or envelope keys that
// were already in the input) is simply appended and wins.
import {
  type ClassifiedRecord,
  ENVELOPE_KEY,
  type LogRecord,
  NORMALIZATION_KEY,
} from "../shared/classified-record";

interface SourceText {
  /** the text up to (not including) the object's closing brace */
  head: string;
  /** own keys of the record when it was kept, before the classifier added any */
  keys: number;
}

/** Text of objects parsed from a string inside the input (embedded JSON), by the parsers. */
const parsedTexts = new WeakMap<object, string>();
/** Records whose JSON may be spliced from their source text. */
const sourceTexts = new WeakMap<object, SourceText>();

/** ES2024's String.prototype.isWellFormed (Node 20 has it; the ES2023 lib does not declare it). */
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean })
  .isWellFormed;

/** Remember that `parsed` is JSON.parse(text) of an object found inside the input. */
export function rememberJsonText(parsed: object, text: string): void {
  parsedTexts.set(parsed, text);
}

/** The text a parser remembered for `candidate`, if any. */
export function parsedJsonText(candidate: object): string | undefined {
  return parsedTexts.get(candidate);
}

function countKeys(record: LogRecord): number {
  let count = 0;
  for (const _key in record) count++;
  return count;
}

/**
 * `record` is JSON.parse(text) after a cast that changed nothing (the same object, or a shallow
 * copy): its JSON may be spliced from `text`. Called before the classifier adds keys. Keys it
 * adds later must not be integer-like (objects list those first), which the caller checks for
 * the schema's optional keys.
 */
export function keepJsonText(text: string, record: LogRecord): void {
  // a lone surrogate (an SNS message may hold one) must be escaped, as JSON.stringify does
  if (!isWellFormed.call(text)) return;
  let end = text.length - 1;
  while (end > 0 && text.charCodeAt(end) !== 0x7d) end--; // only whitespace follows the brace
  sourceTexts.set(record, { head: text.slice(0, end), keys: countKeys(record) });
}

/** JSON of one record: spliced from its source text when it has one, else JSON.stringify. */
export function recordJson(record: LogRecord): string {
  const source = sourceTexts.get(record);
  if (source === undefined) return JSON.stringify(record);
  // the added keys go through one JSON.stringify call, as one object
  let added: LogRecord | undefined;
  let index = 0;
  for (const key in record) {
    if (index++ < source.keys && key !== NORMALIZATION_KEY && key !== ENVELOPE_KEY) continue;
    if (key === "__proto__") return JSON.stringify(record); // cannot be copied by assignment
    added ??= {};
    added[key] = record[key];
  }
  if (added === undefined) return `${source.head}}`;
  const json = JSON.stringify(added);
  if (json.length === 2) return `${source.head}}`; // only undefined values, left out
  // `{"k":v,...}` minus its opening brace; it brings the record's closing brace
  return source.keys === 0 ? `${source.head}${json.slice(1)}` : `${source.head},${json.slice(1)}`;
}

/** The parts of a classified record's JSON around its record, for the last values seen. */
const wrapper = {
  cluster: "",
  logType: "",
  service: "",
  resource: "",
  dataType: "",
  before: "",
  after: "",
};

/** JSON of a classified record, keys in the order the rules engine and StreamAlert tools expect. */
export function classifiedRecordJson(classified: ClassifiedRecord): string {
  const { cluster, log_schema_type, service, resource, data_type } = classified;
  const fields: unknown[] = [cluster, log_schema_type, service, resource, data_type];
  // the classifier always sets all five; anything else is encoded as it is
  if (!fields.every((field) => typeof field === "string")) return JSON.stringify(classified);
  // consecutive records nearly always share these: encode them once per change
  if (
    wrapper.before === "" ||
    cluster !== wrapper.cluster ||
    log_schema_type !== wrapper.logType ||
    service !== wrapper.service ||
    resource !== wrapper.resource ||
    data_type !== wrapper.dataType
  ) {
    wrapper.cluster = cluster;
    wrapper.logType = log_schema_type;
    wrapper.service = service;
    wrapper.resource = resource;
    wrapper.dataType = data_type;
    wrapper.before = `{"cluster":${JSON.stringify(cluster)},"log_schema_type":${JSON.stringify(log_schema_type)},"record":`;
    wrapper.after = `,"service":${JSON.stringify(service)},"resource":${JSON.stringify(resource)},"data_type":${JSON.stringify(data_type)}}`;
  }
  return wrapper.before + recordJson(classified.record) + wrapper.after;
}
