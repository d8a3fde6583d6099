// Bad input never throws out of classify(): it is "no_match" (or "unknown_resource").
import { NORMALIZATION_KEY } from "../../../functions/shared/classified-record";
import { classifierFor } from "./config-factory";

const classifier = classifierFor({
  logs: {
    "json:flat": { schema: { id: "integer", name: "string" } },
    "json:any": { schema: { kind: "string", payload: {} } },
    "json:path": { schema: { id: "integer" }, configuration: { json_path: "$..items[*]" } },
    "json:embedded": {
      schema: { id: "integer" },
      configuration: { json_path: "logs[*]", embedded_json: true },
    },
    "csv:rows": { parser: "csv", schema: { a: "integer", b: "string", c: "string" } },
    "kv:pairs": { parser: "kv", schema: { a: "integer", b: "string" } },
    "syslog:lines": {
      parser: "syslog",
      schema: { timestamp: "string", host: "string", application: "string", message: "string" },
    },
  },
  normalizedTypes: { json: { deepValue: ["leaf"] } },
});

function classify(data: string | Record<string, unknown>) {
  return classifier.classify({ service: "kinesis", resource: "stream", data });
}

function deepJson(depth: number, leaf: string): string {
  return `${'{"a":'.repeat(depth)}${leaf}${"}".repeat(depth)}`;
}

describe("bad input", () => {
  it.each<[string, string]>([
    ["truncated JSON", '{"id": 1, "name": "tru'],
    [
      "binary garbage",
      Buffer.from([0x00, 0xff, 0x1f, 0x8b, 0x08, 0x00, 0x7b, 0x5b]).toString("latin1"),
    ],
    [
      "invalid UTF-8 decoded with replacement characters",
      Buffer.from([0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0x7d]).toString("utf8"),
    ],
    ["wrong types", '{"id": "seven", "name": "x"}'],
    ["a JSON scalar", "42"],
    ["a JSON list of scalars", "[1, 2, 3]"],
    ["an empty string", ""],
    ["whitespace only", " \n\t "],
    [
      "a 10,000-deep object under a nested-schema key",
      `{"id": 1, "name": ${deepJson(10_000, "1")}}`,
    ],
    ["a 10,000-deep list", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["embedded JSON that is truncated", '{"logs": ["{\\"id\\": 1"]}'],
    ["a CSV line with an unterminated quote", '1,"open,x'],
  ])("%s is no_match, without throwing", (_case, data) => {
    expect(classify(data)).toMatchObject({ ok: false, reason: "no_match" });
  });

  it("classifies a 10,000-deep object under an any-object key, and normalizes it", () => {
    const outcome = classify(
      `{"kind": "deep", "payload": ${deepJson(10_000, '{"leaf": "bottom"}')}}`,
    );
    expect(outcome.ok && outcome.records[0].log_schema_type).toBe("json:any");
    expect(outcome.ok && outcome.records[0].record[NORMALIZATION_KEY]).toMatchObject({
      deepValue: [{ function: null, values: ["bottom"] }],
    });
  });

  it("reports a recursive JSONPath that exhausts the stack on a 10,000-deep object as no_match", () => {
    const outcome = classify(`{"x": ${deepJson(10_000, "1")}, "items": [{"id": 3}]}`);
    expect(outcome).toMatchObject({ ok: false, reason: "no_match" });
  });

  it("tries the next schema when a recursive JSONPath exhausts the stack on the input", () => {
    const deepFirst = classifierFor({
      logs: {
        "a:deep": { schema: { id: "integer" }, configuration: { json_path: "$..items[*]" } },
        "b:whole": { schema: { x: {}, items: [] } },
      },
    });
    const data = `{"x": ${deepJson(10_000, "1")}, "items": [{"id": 3}]}`;
    const outcome = deepFirst.classify({ service: "kinesis", resource: "stream", data });
    expect(outcome.ok && outcome.records[0].log_schema_type).toBe("b:whole");
  });

  it("classifies a large line", () => {
    const name = "x".repeat(5_000_000);
    const outcome = classify(JSON.stringify({ id: 1, name }));
    expect(outcome.ok && outcome.records[0].record.name).toHaveLength(5_000_000);
  });

  it("reports the records of a batch independently: a bad record does not affect the next", () => {
    expect(classify("{garbage").ok).toBe(false);
    expect(classify('{"id": 1, "name": "ok"}')).toMatchObject({
      ok: true,
      records: [{ log_schema_type: "json:flat" }],
    });
  });
});
