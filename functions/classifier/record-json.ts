// The JSON of a classified record for the rules engine's queue, encoded with as little work as
// possible: encoding the output is the largest single cost of the classifier (docs/PERFORMANCE.md).
// Each record's JSON is kept as it was when its schema accepted it: the source text for a JSON
// object the cast left unchanged (already in memory), else its JSON.stringify at that moment.
// The keys the classifier adds afterwards (envelope, optional-key defaults, normalization) are
// spliced in before the closing brace: an envelope shared by the records of one payload is
// encoded once, and normalization entries with their constant parts precomputed.
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
import type { NormalizedTypes, NormalizedValues } from "./normalization/types";

interface SourceText {
  /** the JSON up to (not including) the object's closing brace */
  head: string;
  /** own keys of the record when it was kept, before the classifier added any */
  keys: number;
  /** the head holds no key yet */
  empty: boolean;
  /** the normalization block the classifier's normalizer added to the record, once it has */
  normalization?: object;
}

// What this module keeps travels on the objects themselves, under symbol keys: JSON.stringify,
// for-in and Object.keys never see those, JSON.parse never makes them, and unlike WeakMap
// entries they cost the garbage collector nothing extra (measured: WeakMaps cost 5% here).
// A record is kept once; a copy made later ({...record}) carries no tag and is encoded whole.
/** on an object parsed from a string inside the input (embedded JSON): that string */
const PARSED_TEXT = Symbol("streamalert.parsedText");
/** on a record: its JSON as kept when its schema accepted it */
const KEPT_JSON = Symbol("streamalert.keptJson");

type Tagged = Record<symbol, unknown>;

/** Not enumerable: test matchers and console output do not show it either. Replaceable. */
function tag(target: object, key: symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true });
}

/** ES2024's String.prototype.isWellFormed (Node 20 has it; the ES2023 lib does not declare it). */
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean })
  .isWellFormed;

/** Remember that `parsed` is JSON.parse(text) of an object found inside the input. */
export function rememberJsonText(parsed: object, text: string): void {
  tag(parsed, PARSED_TEXT, text);
}

/** The text a parser remembered for `candidate`, if any. */
export function parsedJsonText(candidate: object): string | undefined {
  return (candidate as Tagged)[PARSED_TEXT] as string | undefined;
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
  const keys = countKeys(record);
  const kept: SourceText = { head: text.slice(0, end), keys, empty: keys === 0 };
  tag(record, KEPT_JSON, kept);
}

/** Keep the JSON of `record` as it is now (no source text): called before keys are added. */
export function keepRecordJson(record: LogRecord): void {
  const json = JSON.stringify(record);
  const kept: SourceText = {
    head: json.slice(0, -1),
    keys: countKeys(record),
    empty: json === "{}",
  };
  tag(record, KEPT_JSON, kept);
}

/** JSON of one record: its kept JSON with the keys added since, else JSON.stringify. */
export function recordJson(record: LogRecord): string {
  const source = (record as Tagged)[KEPT_JSON] as SourceText | undefined;
  if (source === undefined) return JSON.stringify(record);
  let out = source.head;
  let empty = source.empty;
  let index = 0;
  for (const key in record) {
    if (index++ < source.keys && key !== NORMALIZATION_KEY && key !== ENVELOPE_KEY) continue;
    const value = record[key];
    const json =
      key === ENVELOPE_KEY
        ? envelopeJson(value)
        : key === NORMALIZATION_KEY
          ? normalizationJson(value, source.normalization)
          : JSON.stringify(value);
    if (json === undefined) continue; // undefined values are left out, as JSON.stringify does
    out += `${empty ? "" : ","}${keyJson(key)}:${json}`;
    empty = false;
  }
  return `${out}}`;
}

/** `"key"` for the keys the classifier adds (a few names, over and over). */
const keyJsonCache = new Map<string, string>();
function keyJson(key: string): string {
  let json = keyJsonCache.get(key);
  if (json === undefined) {
    json = JSON.stringify(key);
    if (keyJsonCache.size < 1000) keyJsonCache.set(key, json);
  }
  return json;
}

/** The records of one CloudWatch Logs payload share their envelope object: encode it once. */
let lastEnvelope: unknown;
let lastEnvelopeJson: string | undefined;
function envelopeJson(envelope: unknown): string | undefined {
  if (envelope !== lastEnvelope || lastEnvelopeJson === undefined) {
    lastEnvelope = envelope;
    lastEnvelopeJson = JSON.stringify(envelope);
  }
  return lastEnvelopeJson;
}

/** `{"function":<f>,"values":` for each normalization description seen. */
const entryHeads = new Map<string | null, string>();
function entryHead(description: string | null): string {
  let head = entryHeads.get(description);
  if (head === undefined) {
    head = `{"function":${JSON.stringify(description)},"values":`;
    if (entryHeads.size < 10_000) entryHeads.set(description, head);
  }
  return head;
}

/**
 * The normalizer adds `block` (SPEC §3.5's shape and nothing else) to `record`: note it, so it is
 * encoded without checking its shape.
 */
export function noteOwnNormalization(record: LogRecord, block: NormalizedTypes): void {
  const kept = (record as Tagged)[KEPT_JSON] as SourceText | undefined;
  if (kept) kept.normalization = block;
}

/** `streamalert_normalization`: the normalizer's own blocks fast, anything else JSON.stringify. */
function normalizationJson(block: unknown, own: object | undefined): string | undefined {
  if (block !== own || typeof block !== "object" || block === null) return JSON.stringify(block);
  let out = "{";
  for (const type in block) {
    const list = (block as Record<string, unknown>)[type];
    let json: string;
    if (Array.isArray(list)) {
      json = "[";
      for (let index = 0; index < list.length; index++) {
        const entry = list[index] as NormalizedValues;
        if (index > 0) json += ",";
        json += entryHead(entry.function) + valuesJson(entry.values);
        json += entry.send_to_artifacts === false ? ',"send_to_artifacts":false}' : "}";
      }
      json += "]";
    } else json = JSON.stringify(list); // the record id
    out += `${out.length === 1 ? "" : ","}${keyJson(type)}:${json}`;
  }
  return `${out}}`;
}

/** JSON of a list of values: the common list of short plain strings without JSON.stringify. */
function valuesJson(values: unknown[]): string {
  let out = "[";
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== "string" || !isPlainJsonString(value)) return JSON.stringify(values);
    out += index === 0 ? `"${value}"` : `,"${value}"`;
  }
  return `${out}]`;
}

/** A short string JSON.stringify would only put in quotes (no escapes, no lone surrogates). */
function isPlainJsonString(text: string): boolean {
  if (text.length > 256) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff))
      return false;
  }
  return true;
}

/** The JSON around a classified record's record, for one set of wrapper values. */
interface WrapperJson {
  cluster: string;
  service: string;
  resource: string;
  dataType: string;
  before: string;
  after: string;
}

/**
 * Per log type, the wrapper JSON of the last values seen with it: the records of one resource
 * come in mixed log types, each with the same cluster, service and resource every time.
 */
const wrappers = new Map<string, WrapperJson>();

function wrapperJson(
  cluster: string,
  logType: string,
  service: string,
  resource: string,
  dataType: string,
): WrapperJson {
  let wrapper = wrappers.get(logType);
  if (
    wrapper === undefined ||
    wrapper.cluster !== cluster ||
    wrapper.service !== service ||
    wrapper.resource !== resource ||
    wrapper.dataType !== dataType
  ) {
    wrapper = {
      cluster,
      service,
      resource,
      dataType,
      before: `{"cluster":${JSON.stringify(cluster)},"log_schema_type":${JSON.stringify(logType)},"record":`,
      after: `,"service":${JSON.stringify(service)},"resource":${JSON.stringify(resource)},"data_type":${JSON.stringify(dataType)}}`,
    };
    if (wrappers.size >= 1000) wrappers.clear();
    wrappers.set(logType, wrapper);
  }
  return wrapper;
}

/** JSON of a classified record, keys in the order the rules engine and StreamAlert tools expect. */
export function classifiedRecordJson(classified: ClassifiedRecord): string {
  const { cluster, log_schema_type, service, resource, data_type } = classified;
  if (
    typeof cluster !== "string" ||
    typeof log_schema_type !== "string" ||
    typeof service !== "string" ||
    typeof resource !== "string" ||
    typeof data_type !== "string"
  ) {
    return JSON.stringify(classified); // the classifier always sets all five
  }
  const wrapper = wrapperJson(cluster, log_schema_type, service, resource, data_type);
  return wrapper.before + recordJson(classified.record) + wrapper.after;
}
