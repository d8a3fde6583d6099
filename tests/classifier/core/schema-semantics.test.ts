// SPEC §3.3: types, exact key check, casting, optional keys and defaults, envelope keys.
import { ENVELOPE_KEY } from "../../../functions/shared/classified-record";
import type { SchemaObject } from "../../../functions/shared/config/types";
import { classifierFor, oneSchema, recordsOf } from "./config-factory";

function castOne(type: SchemaObject[string], value: unknown): unknown {
  const records = recordsOf(oneSchema({ field: type }), JSON.stringify({ field: value }));
  return records ? records[0].field : "NO MATCH";
}

describe("casting a value to its schema type", () => {
  it.each([
    ["string", "abc", "abc"],
    ["string", 42, "42"],
    ["string", true, "True"],
    ["string", { a: 1 }, '{"a":1}'],
    ["string", [1, "x"], '[1,"x"]'],
    ["integer", "7", 7],
    ["integer", " -12 ", -12],
    ["integer", 1.9, 1],
    ["integer", "7.5", "NO MATCH"],
    ["integer", "seven", "NO MATCH"],
    ["integer", [1], "NO MATCH"],
    ["integer", { a: 1 }, "NO MATCH"],
    ["float", "7.5", 7.5],
    ["float", "1e3", 1000],
    ["float", 3, 3],
    ["float", "abc", "NO MATCH"],
    ["boolean", "TRUE", true],
    ["boolean", "true", true],
    ["boolean", true, true],
    ["boolean", "yes", false],
    ["boolean", 1, false],
    [[], [1, 2], [1, 2]],
    [[], "not a list", "NO MATCH"],
    [[], { a: 1 }, "NO MATCH"],
    [{}, { any: { thing: 1 } }, { any: { thing: 1 } }],
    [{ a: "integer" }, { a: "5" }, { a: 5 }],
    [{ a: "integer" }, { a: "x" }, "NO MATCH"],
  ])("%j given %j → %j", (type, value, expected) => {
    expect(castOne(type as SchemaObject[string], value)).toEqual(expected);
  });

  it.each([
    ["integer", 0],
    ["integer", ""],
    ["integer", null],
    ["float", false],
    ["string", null],
    [[], ""],
    [[], {}],
    ["boolean", 0],
  ])("skips the falsy value %j for %j and keeps it as it is", (type, value) => {
    expect(castOne(type as SchemaObject[string], value)).toEqual(value);
  });

  it("rejects a record whose schema declares a type it does not know (for a truthy value)", () => {
    expect(castOne("str" as SchemaObject[string], "x")).toBe("NO MATCH");
  });
});

describe("exact key check", () => {
  const schema: SchemaObject = { a: "string", b: "integer", nested: { x: "string", y: "string" } };
  it.each([
    ["all keys", true, { a: "1", b: 2, nested: { x: "1", y: "2" } }],
    ["an extra top-level key", false, { a: "1", b: 2, nested: { x: "1", y: "2" }, c: 1 }],
    ["a missing top-level key", false, { a: "1", nested: { x: "1", y: "2" } }],
    ["an extra nested key", false, { a: "1", b: 2, nested: { x: "1", y: "2", z: "3" } }],
    ["a missing nested key", false, { a: "1", b: 2, nested: { x: "1" } }],
    ["a nested value that is not an object", false, { a: "1", b: 2, nested: "x" }],
    ["a null nested value", false, { a: "1", b: 2, nested: null }],
    ["a JSON list instead of an object", false, [1, 2]],
  ])("%s → match: %s", (_case, matches, data) => {
    expect(recordsOf(oneSchema(schema), JSON.stringify(data)) !== undefined).toBe(matches);
  });

  it("accepts anything below an empty object schema, as StreamAlert does", () => {
    const spec = oneSchema({ a: "string", detail: {} });
    expect(recordsOf(spec, '{"a":"x","detail":{"deep":{"er":[1]}}}')).toEqual([
      { a: "x", detail: { deep: { er: [1] } } },
    ]);
    expect(recordsOf(spec, '{"a":"x","detail":"text"}')).toEqual([{ a: "x", detail: "text" }]);
  });
});

describe("optional top-level keys", () => {
  const schema: SchemaObject = {
    id: "string",
    s: "string",
    i: "integer",
    f: "float",
    b: "boolean",
    o: {},
    l: [],
  };
  const spec = oneSchema(schema, { optional_top_level_keys: ["s", "i", "f", "b", "o", "l"] });

  it("adds the type's default for every optional key that is missing", () => {
    expect(recordsOf(spec, '{"id":"1"}')).toEqual([
      { id: "1", s: "", i: 0, f: 0, b: false, o: {}, l: [] },
    ]);
  });

  it("keeps and casts optional keys that are present", () => {
    expect(recordsOf(spec, '{"id":"1","i":"9","b":"True"}')).toEqual([
      { id: "1", i: 9, b: true, s: "", f: 0, o: {}, l: [] },
    ]);
  });

  it("still rejects keys the schema does not have", () => {
    expect(recordsOf(spec, '{"id":"1","other":1}')).toBeUndefined();
  });

  it("treats keys Object.prototype also has like any other optional or envelope key", () => {
    const inherited = oneSchema(JSON.parse('{"id": "string", "toString": "string"}'), {
      optional_top_level_keys: ["toString"],
      json_path: "items[*]",
      envelope_keys: JSON.parse('{"constructor": "string", "valueOf": "integer"}'),
      optional_envelope_keys: ["valueOf"],
    });
    expect(recordsOf(inherited, '{"items": [{"id": "a"}], "constructor": "c"}')).toEqual([
      { id: "a", toString: "", [ENVELOPE_KEY]: { constructor: "c", valueOf: 0 } },
    ]);
    expect(
      recordsOf(
        inherited,
        '{"items": [{"id": "a", "toString": "t"}], "constructor": "c", "valueOf": "2"}',
      ),
    ).toEqual([{ id: "a", toString: "t", [ENVELOPE_KEY]: { constructor: "c", valueOf: 2 } }]);
    expect(recordsOf(inherited, '{"items": [{"id": "a"}]}')).toBeUndefined(); // the envelope key is missing
  });

  it("never uses a schema whose optional keys are not in the schema", () => {
    const bad = oneSchema({ id: "string" }, { optional_top_level_keys: ["missing"] });
    expect(recordsOf(bad, '{"id":"1"}')).toBeUndefined();
  });

  it("requires an optional key with a nested schema anyway (StreamAlert's nested key check)", () => {
    const nested = oneSchema(
      { id: "string", n: { x: "string" } },
      { optional_top_level_keys: ["n"] },
    );
    expect(recordsOf(nested, '{"id":"1"}')).toBeUndefined();
    expect(recordsOf(nested, '{"id":"1","n":{"x":"y"}}')).toEqual([{ id: "1", n: { x: "y" } }]);
  });
});

describe("envelope keys", () => {
  const spec = oneSchema(
    { eventName: "string" },
    {
      json_path: "Records[*]",
      envelope_keys: { account: "integer", region: "string", tags: [] },
      optional_envelope_keys: ["tags"],
    },
  );

  it("only need to be present at the root, are cast, and travel with every record", () => {
    const data = {
      account: "123",
      region: "us-east-1",
      extra: true,
      Records: [{ eventName: "a" }, { eventName: "b" }],
    };
    const records = recordsOf(spec, JSON.stringify(data));
    expect(records).toEqual([
      { eventName: "a", [ENVELOPE_KEY]: { account: 123, region: "us-east-1", tags: [] } },
      { eventName: "b", [ENVELOPE_KEY]: { account: 123, region: "us-east-1", tags: [] } },
    ]);
  });

  it.each([
    ["a required envelope key missing", { account: "1", Records: [{ eventName: "a" }] }],
    [
      "an envelope value that cannot be cast",
      { account: "x", region: "r", Records: [{ eventName: "a" }] },
    ],
  ])("no match with %s", (_case, data) => {
    expect(recordsOf(spec, JSON.stringify(data))).toBeUndefined();
  });

  it("give the same envelope to a later log type with the same envelope_keys", () => {
    // the first log type accepts the envelope but none of the records; the envelope is cast
    // once for both and the second log type's records carry it
    const envelope: SchemaObject = { logGroup: "string", owner: "integer" };
    const classifier = classifierFor({
      logs: {
        "first:never": {
          schema: { id: "string" },
          configuration: { priority: 0, envelope_keys: envelope, json_path: "items[*]" },
        },
        "second:takes": {
          schema: { name: "string" },
          configuration: { priority: 1, envelope_keys: envelope, json_path: "items[*]" },
        },
      },
    });
    const outcome = classifier.classify({
      service: "kinesis",
      resource: "stream",
      data: JSON.stringify({ logGroup: "g", owner: "42", items: [{ name: "a" }, { name: "b" }] }),
    });
    expect(outcome.ok && outcome.records.map((r) => [r.log_schema_type, r.record])).toEqual([
      ["second:takes", { name: "a", [ENVELOPE_KEY]: { logGroup: "g", owner: 42 } }],
      ["second:takes", { name: "b", [ENVELOPE_KEY]: { logGroup: "g", owner: 42 } }],
    ]);
  });
});
