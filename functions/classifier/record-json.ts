// The JSON of a classified record for the rules engine's queue, encoded with as little work as
// possible: encoding the output is the largest single cost of the classifier (docs/PERFORMANCE.md).
// Each record's JSON is kept when its schema accepts it: the source text for a JSON object the
// cast left unchanged (already in memory), the CSV row's own text (csv-record-cast), else its
// JSON.stringify at that moment. The members the schema adds next (envelope, optional-key
// defaults) are appended to it right away, from text prepared when the schema was compiled and
// an envelope encoded once per payload; the classifier hands it on inside a
// KeptClassifiedRecord, and the normalization block it adds last is spliced in before the
// closing brace, as its normalizer wrote it (normalization/json-writer), or JSON.stringify of it
// when legacy types are mixed in (their entries come out of the v2 order).
// Every piece of the result costs again when it is joined into one string, so members are
// prepared as few, long strings.
//
// The splice parses to the same value as JSON.stringify of the record: JSON.parse keeps the last
// of duplicate keys, so a key the classifier assigned again (normalization or envelope keys that
// were already in the input) is simply appended and wins.
import {
  type ClassifiedRecord,
  type LogRecord,
  NORMALIZATION_KEY,
} from "../shared/classified-record";
import type { ServiceName } from "../shared/config/types";
import type { Normalization } from "./normalization";

/** A record's JSON as kept when its schema accepted it, with the members the schema added. */
export interface KeptJson {
  /** the JSON up to (not including) the object's closing brace */
  head: string;
  /** the head holds no key yet */
  empty: boolean;
}

/** Appends `,"key":value,...`, the JSON of keys the classifier just set on the kept record. */
export function appendMembers(kept: KeptJson, members: string): void {
  kept.head += kept.empty ? members.slice(1) : members;
  kept.empty = false;
}

/**
 * A classified record that carries its record's kept JSON in private fields: JSON.stringify,
 * for-in, Object.keys, spread and test matchers see only the six keys of ClassifiedRecord, and
 * nothing is written onto the record itself (defining hidden properties there cost 4% of the
 * classifier). A copy ({...classified}) or a replaced `record` is encoded whole; a record
 * changed in place after classification is not noticed (the senders copy what they alter).
 */
export class KeptClassifiedRecord implements ClassifiedRecord {
  readonly #record: LogRecord;
  readonly #kept: KeptJson;
  /** what the classifier's own normalizer added to the record */
  readonly #normalization: Normalization | undefined;

  constructor(
    public cluster: string,
    public log_schema_type: string,
    public record: LogRecord,
    public service: ServiceName,
    public resource: string,
    public data_type: string,
    kept: KeptJson,
    normalization: Normalization | undefined,
  ) {
    this.#record = record;
    this.#kept = kept;
    this.#normalization = normalization;
  }

  /**
   * JSON of the record: its kept JSON with the normalization block the classifier added, else
   * (another record, or another block) JSON.stringify.
   */
  static recordJson(classified: ClassifiedRecord): string {
    const { record } = classified;
    if (!(#kept in classified) || classified.#record !== record) return JSON.stringify(record);
    const kept = classified.#kept;
    const normalization = classified.#normalization;
    if (normalization === undefined) return `${kept.head}}`;
    const block = record[NORMALIZATION_KEY];
    if (block !== normalization.block) return JSON.stringify(record);
    // appended even when the input had a block: the last of duplicate keys wins
    const member = kept.empty ? NORMALIZATION_MEMBER.slice(1) : NORMALIZATION_MEMBER;
    return `${kept.head}${member}${normalization.json ?? JSON.stringify(block)}}`;
  }
}

/** ES2024's String.prototype.isWellFormed (Node 20 has it; the ES2023 lib does not declare it). */
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean })
  .isWellFormed;

/** Keys an object lists before all others, in numeric order ("0", "42"). */
export function isIndexLikeKey(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function hasKeys(record: LogRecord): boolean {
  for (const _key in record) return true;
  return false;
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
  return { head: text.slice(0, end), empty: !hasKeys(record) };
}

/** The JSON of `record` as it is now (no source text): taken before keys are added. */
export function keepRecordJson(record: LogRecord): KeptJson {
  const json = JSON.stringify(record);
  return { head: json.slice(0, -1), empty: json === "{}" };
}

const NORMALIZATION_MEMBER = `,${JSON.stringify(NORMALIZATION_KEY)}:`;

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
