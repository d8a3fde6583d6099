// The JSON of a classified record for the rules engine's queue, encoded with as little work as
// possible: encoding the output is the largest single cost of the classifier (docs/PERFORMANCE.md).
// Each record's JSON is kept as it was when its schema accepted it: the source text for a JSON
// object the cast left unchanged (already in memory), else its JSON.stringify at that moment;
// the classifier hands it on inside a KeptClassifiedRecord. The keys the classifier adds
// afterwards (envelope, optional-key defaults, normalization) are spliced in before the closing
// brace: an envelope shared by the records of one payload is encoded once, and normalization
// entries with their constant parts precomputed.
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
import type { ServiceName } from "../shared/config/types";
import type { NormalizedTypes, NormalizedValues } from "./normalization/types";

/** A record's JSON as kept when its schema accepted it, before the classifier added keys. */
export interface KeptJson {
  /** the JSON up to (not including) the object's closing brace */
  head: string;
  /** own keys of the record when it was kept */
  keys: number;
  /** the head holds no key yet */
  empty: boolean;
}

/**
 * A classified record that carries its record's kept JSON in private fields: JSON.stringify,
 * for-in, Object.keys, spread and test matchers see only the six keys of ClassifiedRecord, and
 * nothing is written onto the record itself (defining hidden properties there cost 4% of the
 * classifier). A copy ({...classified}) or a replaced `record` is encoded whole.
 */
export class KeptClassifiedRecord implements ClassifiedRecord {
  readonly #record: LogRecord;
  readonly #kept: KeptJson;
  /** the normalization block the classifier's own normalizer added to the record */
  readonly #normalization: NormalizedTypes | undefined;

  constructor(
    public cluster: string,
    public log_schema_type: string,
    public record: LogRecord,
    public service: ServiceName,
    public resource: string,
    public data_type: string,
    kept: KeptJson,
    normalization: NormalizedTypes | undefined,
  ) {
    this.#record = record;
    this.#kept = kept;
    this.#normalization = normalization;
  }

  /** JSON of the record: its kept JSON with the keys added since, else JSON.stringify. */
  static recordJson(classified: ClassifiedRecord): string {
    const { record } = classified;
    if (!(#kept in classified) || classified.#record !== record) return JSON.stringify(record);
    return splice(record, classified.#kept, classified.#normalization);
  }
}

/** ES2024's String.prototype.isWellFormed (Node 20 has it; the ES2023 lib does not declare it). */
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean })
  .isWellFormed;

/** Keys an object lists before all others, in numeric order ("0", "42"). */
export function isIndexLikeKey(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function countKeys(record: LogRecord): number {
  let count = 0;
  for (const _key in record) count++;
  return count;
}

/**
 * The kept JSON of `record`, which is JSON.parse(text) after a cast that changed nothing (the
 * same object, or a shallow copy), spliced from `text`; undefined when the text cannot be used.
 * Taken before the classifier adds keys. Keys it adds later must not be integer-like (objects
 * list those first), which the caller checks for the schema's optional keys.
 */
export function keepJsonText(text: string, record: LogRecord): KeptJson | undefined {
  // a lone surrogate (an SNS message may hold one) must be escaped, as JSON.stringify does
  if (!isWellFormed.call(text)) return undefined;
  let end = text.length - 1;
  while (end > 0 && text.charCodeAt(end) !== 0x7d) end--; // only whitespace follows the brace
  const keys = countKeys(record);
  return { head: text.slice(0, end), keys, empty: keys === 0 };
}

/** The JSON of `record` as it is now (no source text): taken before keys are added. */
export function keepRecordJson(record: LogRecord): KeptJson {
  const json = JSON.stringify(record);
  return { head: json.slice(0, -1), keys: countKeys(record), empty: json === "{}" };
}

/** The kept JSON of `record` with the keys added since it was kept. */
function splice(record: LogRecord, kept: KeptJson, normalization: object | undefined): string {
  let out = kept.head;
  let empty = kept.empty;
  let index = 0;
  for (const key in record) {
    if (index++ < kept.keys && key !== NORMALIZATION_KEY && key !== ENVELOPE_KEY) continue;
    const value = record[key];
    const json =
      key === ENVELOPE_KEY
        ? envelopeJson(value)
        : key === NORMALIZATION_KEY
          ? normalizationJson(value, normalization)
          : valueJson(value);
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

/** JSON.stringify of one value, without calling it for short plain strings and numbers. */
export function valueJson(value: unknown): string | undefined {
  if (typeof value === "string")
    return isPlainJsonString(value) ? `"${value}"` : JSON.stringify(value);
  if (typeof value === "number" && Number.isFinite(value)) return `${value}`;
  return JSON.stringify(value);
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
export function isPlainJsonString(text: string): boolean {
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
  return wrapper.before + KeptClassifiedRecord.recordJson(classified) + wrapper.after;
}
