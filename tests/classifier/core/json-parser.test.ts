// SPEC §3.4 json parser: json_path (JMESPath and JSONPath), embedded_json, json_regex_key.
import type { SchemaConfiguration, SchemaObject } from "../../../functions/shared/config/types";
import { classifierFor, oneSchema, recordsOf } from "./config-factory";

const eventSchema: SchemaObject = { id: "integer", name: "string" };

describe("json_path", () => {
  const payload = {
    Records: [
      { id: "1", name: "a" },
      { id: 2, name: "b" },
      { id: 3, extra: "not in the schema" },
    ],
    single: { id: "9", name: "only" },
    logEvents: [
      { message: '{"id": 5, "name": "e"}' },
      { message: "not json" },
      { message: "[1, 2]" },
    ],
  };

  it.each<[string, string, unknown[] | undefined]>([
    [
      "JMESPath projection",
      "Records[*]",
      [
        { id: 1, name: "a" },
        { id: 2, name: "b" },
      ],
    ],
    [
      "JSONPath wildcard",
      "$.Records[*]",
      [
        { id: 1, name: "a" },
        { id: 2, name: "b" },
      ],
    ],
    [
      "JSONPath recursive filter",
      "$..Records[?(@.name)]",
      [
        { id: 1, name: "a" },
        { id: 2, name: "b" },
      ],
    ],
    ["a single object (wrapped into a list)", "single", [{ id: 9, name: "only" }]],
    ["a path that selects nothing", "nothing[*]", undefined],
    ["a JSONPath that selects nothing", "$.nothing[*]", undefined],
  ])("%s: %s", (_case, jsonPath, expected) => {
    expect(
      recordsOf(oneSchema(eventSchema, { json_path: jsonPath }), JSON.stringify(payload)),
    ).toEqual(expected);
  });

  it("parses selected strings as JSON objects with embedded_json, skipping the rest", () => {
    const spec = oneSchema(eventSchema, { json_path: "logEvents[*].message", embedded_json: true });
    expect(recordsOf(spec, JSON.stringify(payload))).toEqual([{ id: 5, name: "e" }]);
  });

  it("does not let one schema's casting leak into the next schema tried on the same record", () => {
    const classifier = classifierFor({
      logs: {
        "first:log": {
          schema: { id: "string", name: "string", tag: "integer" },
          configuration: { json_path: "Records[*]" },
        },
        "second:log": {
          schema: { id: "string", name: "string", tag: "string" },
          configuration: { json_path: "Records[*]" },
        },
      },
    });
    const data = { Records: [{ id: 1, name: "a", tag: "x" }] };
    const outcome = classifier.classify({ service: "kinesis", resource: "stream", data });
    expect(outcome.ok && outcome.records.map((r) => [r.log_schema_type, r.record])).toEqual([
      ["second:log", { id: "1", name: "a", tag: "x" }],
    ]);
    expect(data.Records[0].id).toBe(1); // the caller's object is not modified either
  });

  it("gives the next schema the original values when a schema casts and then fails its log_patterns", () => {
    const classifier = classifierFor({
      logs: {
        "a:patterned": { schema: { id: "string" }, configuration: { log_patterns: { id: "9*" } } },
        "b:typed": { schema: { id: "integer" } },
      },
    });
    const outcome = classifier.classify({
      service: "kinesis",
      resource: "stream",
      data: '{"id": 1.5}',
    });
    expect(outcome.ok && outcome.records[0]).toMatchObject({
      log_schema_type: "b:typed",
      record: { id: 1 },
    });
  });

  it("lists every matching schema with classifyAll, each seeing the record as it arrived", () => {
    const classifier = classifierFor({
      logs: {
        "a:optional": {
          schema: { id: "string", extra: "string" },
          configuration: { optional_top_level_keys: ["extra"] },
        },
        "b:exact": { schema: { id: "string" } },
      },
    });
    const matches = classifier.classifyAll({
      service: "kinesis",
      resource: "stream",
      data: '{"id": "1"}',
    });
    expect(matches.map((m) => [m.logType, m.records[0].record])).toEqual([
      ["a:optional", { id: "1", extra: "" }],
      ["b:exact", { id: "1" }],
    ]);
  });

  it("does not modify an app log object handed in by the caller", () => {
    const classifier = classifierFor(
      oneSchema({ id: "string", extra: "string" }, { optional_top_level_keys: ["extra"] }),
    );
    const data = { id: "1" };
    const outcome = classifier.classify({ service: "kinesis", resource: "stream", data });
    expect(outcome.ok && outcome.records[0].record).toEqual({ id: "1", extra: "" });
    expect(data).toEqual({ id: "1" });
  });

  it("rejects an invalid expression when the classifier is created, naming the log type", () => {
    expect(() => classifierFor(oneSchema(eventSchema, { json_path: "Records[*" }))).toThrow(
      /test:log/,
    );
  });
});

describe("json_regex_key", () => {
  const configuration: SchemaConfiguration = { json_regex_key: "message" };
  it.each<[string, unknown, unknown[] | undefined]>([
    [
      "a JSON object inside a log line",
      { message: 'Jan 01 host app: {"id": 7, "name": "x"} trailing' },
      [{ id: 7, name: "x" }],
    ],
    ["a line without JSON", { message: "plain text" }, undefined],
    ["JSON that is not an object", { message: "prefix [1, 2, 3]" }, undefined],
    ["an empty field", { message: "" }, undefined],
    ["a field that is not a string", { message: { id: 1, name: "x" } }, undefined],
    ["a missing field", { other: 'x {"id": 1, "name": "y"}' }, undefined],
  ])("%s", (_case, data, expected) => {
    expect(recordsOf(oneSchema(eventSchema, configuration), JSON.stringify(data))).toEqual(
      expected,
    );
  });
});

describe("json_regex_key with envelope keys (GitHub Enterprise audit logs via logstash)", () => {
  const spec = oneSchema(
    { action: "string", actor: "string", org_id: {}, repo: "string" },
    {
      json_regex_key: "message",
      envelope_keys: { host: "string", program: "string", tags: [] },
      optional_envelope_keys: ["program"],
      optional_top_level_keys: ["repo"],
    },
  );

  it("keeps the root's envelope keys, casts the embedded record and fills optional keys", () => {
    const data = {
      host: "ghe-01",
      tags: ["audit"],
      extra: 1,
      message:
        'Jan 02 10:00:00 ghe-01 github_audit: {"action":"org.update_member","actor":"alice","org_id":42}',
    };
    expect(recordsOf(spec, JSON.stringify(data))).toEqual([
      {
        action: "org.update_member",
        actor: "alice",
        org_id: 42, // `{}` accepts any value, as in StreamAlert
        repo: "",
        "streamalert:envelope_keys": { host: "ghe-01", tags: ["audit"], program: "" },
      },
    ]);
  });
});

describe("input forms", () => {
  it("takes already-parsed objects (app logs) directly", () => {
    expect(recordsOf(oneSchema(eventSchema), { id: "4", name: "app" })).toEqual([
      { id: 4, name: "app" },
    ]);
  });

  it("matches JSON text with surrounding whitespace", () => {
    expect(recordsOf(oneSchema(eventSchema), '\n  {"id": 1, "name": "x"}  \n')).toEqual([
      { id: 1, name: "x" },
    ]);
  });

  it("does not match text that is not JSON", () => {
    expect(recordsOf(oneSchema(eventSchema), "id=1 name=x")).toBeUndefined();
  });
});
