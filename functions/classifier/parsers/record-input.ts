// One raw record as the parsers see it: JSON is parsed at most once, however many schemas
// are tried, and only when a schema needs it.

export interface RecordInput {
  /** The parsed JSON object or array, or undefined when the data is not one. */
  json(): unknown;
  /**
   * The text for the text parsers (csv, kv, syslog), or undefined when the data is a JSON
   * object or array: StreamAlert handed those parsers the decoded JSON, which never matched,
   * and keeping that rule stops a JSON record from being split into CSV columns.
   */
  text(): string | undefined;
  /** The text json() parsed, or undefined when the data is not JSON text. */
  jsonText(): string | undefined;
  /** True when the data was handed over already parsed: it belongs to the caller. */
  readonly borrowed: boolean;
  /**
   * `compute(input, key)` the first time it is asked for `key`, then the same value for that key
   * (the last key only: log types that declare the same envelope are tried one after another).
   */
  shared<K extends object, T>(key: K, compute: (input: RecordInput, key: K) => T): T;
}

/** A CSV row as the csv parser read it, for encoding its record from the fields' own text. */
export interface CsvRowSource {
  fields: readonly string[];
  /** the text the row was read from has nothing JSON escapes, so no field has either */
  plain: boolean;
}

/**
 * What a fresh candidate was made from: the JSON text it was parsed from (embedded JSON), or
 * the CSV row it was read from.
 */
export type CandidateSource = string | CsvRowSource;

/**
 * Candidate records one schema's parser extracts; undefined when it extracts nothing. A parser
 * that makes its candidates from text inside the input (embedded JSON, CSV) sets `sources[i]` to
 * what candidate `i` was made from, when `sources` is given (it comes empty).
 */
export type ExtractRecords = (
  input: RecordInput,
  sources?: Array<CandidateSource | undefined>,
) => unknown[] | undefined;

/** Parse text that looks like a JSON object or array; anything else is not JSON. */
function parseJsonContainer(text: string): unknown {
  let i = 0;
  while (
    i < text.length &&
    (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")
  )
    i++;
  const first = text[i];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class LazyRecordInput implements RecordInput {
  private parsed: unknown;
  private parsedYet = false;
  private sharedKey: object | undefined = undefined;
  private sharedValue: unknown = undefined;

  readonly borrowed: boolean;

  constructor(private readonly data: string | Record<string, unknown>) {
    this.borrowed = typeof data !== "string";
  }

  json(): unknown {
    if (!this.parsedYet) {
      this.parsedYet = true;
      this.parsed = typeof this.data === "string" ? parseJsonContainer(this.data) : this.data;
    }
    return this.parsed;
  }

  jsonText(): string | undefined {
    if (typeof this.data !== "string") return undefined;
    return this.json() === undefined ? undefined : this.data;
  }

  text(): string | undefined {
    if (typeof this.data !== "string") return undefined;
    return this.json() === undefined ? this.data : undefined;
  }

  shared<K extends object, T>(key: K, compute: (input: RecordInput, key: K) => T): T {
    if (this.sharedKey !== key) {
      this.sharedValue = compute(this, key);
      this.sharedKey = key;
    }
    return this.sharedValue as T;
  }
}
