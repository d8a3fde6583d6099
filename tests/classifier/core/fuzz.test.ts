// Random input through every parser and schema feature must never throw (classify() also
// catches, so this checks the compiled schemas directly, where a defect would otherwise hide).
import { compileLogType } from "../../../functions/classifier/compile-log-type";
import { LazyRecordInput } from "../../../functions/classifier/parsers";
import { buildConfig } from "./config-factory";

const config = buildConfig({
  logs: {
    "j:plain": {
      schema: { a: "integer", b: { c: "float", d: "boolean" }, e: [], f: {} },
      configuration: { optional_top_level_keys: ["e"] },
    },
    "j:path": {
      schema: { a: "string", b: "integer" },
      configuration: {
        json_path: "x[*].y",
        envelope_keys: { z: "string", n: { m: "integer" } },
        log_patterns: { a: ["*a*", "b?"] },
      },
    },
    "j:jsonpath": { schema: { a: "string" }, configuration: { json_path: "$..x[*]" } },
    "j:embedded": {
      schema: { a: "string" },
      configuration: { json_path: "x[*]", embedded_json: true },
    },
    "j:regex": { schema: { a: "string" }, configuration: { json_regex_key: "x" } },
    "c:nested": {
      parser: "csv",
      schema: { a: "integer", b: { c: "string", d: "string" }, e: "string" },
      configuration: { delimiter: " " },
    },
    "c:path": {
      parser: "csv",
      schema: { a: "string", b: "float" },
      configuration: { json_path: "x[*]", quotechar: "'", escapechar: "\\" },
    },
    "k:kv": { parser: "kv", schema: { a: "integer", b: "string" } },
    "s:syslog": {
      parser: "syslog",
      schema: { timestamp: "string", host: "string", application: "string", message: "string" },
    },
  },
  normalizedTypes: { j: { t: ["a", "c"] } },
});
const compiled = Object.values(config.logs).map((log) =>
  compileLogType(log, config.normalizedTypes),
);

const PIECES = [
  '{"x":',
  '[{"y":',
  '"a"',
  "1",
  "1.5",
  "true",
  "null",
  "[]",
  "{}",
  ",",
  ":",
  "}",
  "]",
  '"',
  "'",
  "\\",
  " ",
  "\n",
  "=",
  "a=1",
  "Jan 01 10:00:00 h app: m",
  "\u00e9",
  "\ufffd",
  '{"a":',
  '"z":"q",',
];

const KEYS = ["a", "b", "c", "d", "e", "f", "x", "y", "z", "n", "m"];
const SCALARS = [
  "1",
  "1.5",
  "true",
  "a b",
  "x,y",
  "'q'",
  "",
  0,
  7,
  2.5,
  true,
  false,
  null,
  '{"a": "1"}',
  "a=1 b=2",
];

let seed = 3;
/** mulberry32: a small seeded generator whose low bits are as random as its high bits */
function next(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}

/** Random JSON built from the schemas' own keys, so many values get deep into the checks. */
function randomValue(depth: number): unknown {
  const kind = next() % (depth > 3 ? 1 : 4);
  if (kind === 0) return SCALARS[next() % SCALARS.length];
  if (kind === 1) return Array.from({ length: next() % 3 }, () => randomValue(depth + 1));
  const object: Record<string, unknown> = {};
  const size = next() % 5;
  for (let i = 0; i < size; i++) object[KEYS[next() % KEYS.length]] = randomValue(depth + 1);
  return object;
}

/** A record close to `schema`: its keys (sometimes one missing or extra), random values. */
const TYPICAL: Record<string, unknown> = {
  string: "abc",
  integer: "12",
  float: 1.5,
  boolean: "true",
  "": [1],
};

function nearRecord(schema: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(schema)) {
    if (next() % 12 === 0) continue;
    const nested = typeof type === "object" && type !== null && !Array.isArray(type);
    if (nested && next() % 4 !== 0) record[key] = nearRecord(type as Record<string, unknown>);
    else if (next() % 4 === 0) record[key] = randomValue(2);
    else record[key] = TYPICAL[String(type)] ?? randomValue(2);
  }
  if (next() % 12 === 0) record[KEYS[next() % KEYS.length]] = randomValue(2);
  return record;
}

function csvLine(columns: number): string {
  return Array.from({ length: columns }, () => String(SCALARS[next() % SCALARS.length])).join(
    next() % 2 ? "," : " ",
  );
}

function nearPayload(): unknown {
  const logs = Object.values(config.logs);
  const record = nearRecord(logs[next() % logs.length].schema as Record<string, unknown>);
  const items = [{ y: record }, JSON.stringify(record), record, csvLine(2 + (next() % 2))];
  if (next() % 2 === 0) return record;
  return {
    x: items.slice(next() % 4),
    z: randomValue(3),
    n: { m: next() % 2 ? 5 : randomValue(3) },
  };
}

function randomText(): string {
  const kind = next() % 4;
  if (kind === 0) return JSON.stringify(randomValue(0));
  if (kind === 1) return JSON.stringify(nearPayload());
  if (kind === 2) return csvLine(3 + (next() % 2));
  let text = "";
  const length = next() % 16;
  for (let i = 0; i < length; i++) text += PIECES[next() % PIECES.length];
  return text;
}

describe("compiled schemas on random input", () => {
  it("never throw", () => {
    const matched = new Set<string>();
    for (let n = 0; n < 5000; n++) {
      const text = randomText();
      for (const logType of compiled) {
        const input = new LazyRecordInput(text);
        expect(() => {
          const records = logType.parse(input, n % 2 === 0);
          if (records) matched.add(logType.name);
          for (const record of records ?? []) logType.normalize?.(record);
        }).not.toThrow();
      }
    }
    // the generator reaches the success paths, not only the rejections
    expect(matched.size).toBeGreaterThanOrEqual(6);
  });
});
