// The SQS body of a classified record (record-json.ts): spliced from the input text where the
// classifier changed nothing, and always the same value as JSON.stringify of the record.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createClassifier } from "../../../functions/classifier/classifier";
import { classifiedRecordJson } from "../../../functions/classifier/record-json";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";
import { loadConfig } from "../../../functions/shared/config";
import { classifierFor, type SchemaSpec } from "./config-factory";

function classifyText(logs: Record<string, SchemaSpec>, data: string): ClassifiedRecord[] {
  const outcome = classifierFor({ logs }).classify({
    service: "kinesis",
    resource: "stream",
    data,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.records;
}

/** The body as the rules engine reads it, against what JSON.stringify would have sent. */
function expectSameAsStringify(records: ClassifiedRecord[]): void {
  for (const record of records) {
    const json = classifiedRecordJson(record);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(Object.keys(JSON.parse(json))).toEqual([
      "cluster",
      "log_schema_type",
      "record",
      "service",
      "resource",
      "data_type",
    ]);
  }
}

const normalized: SchemaSpec = {
  schema: { user: "string", ip: "string", count: "integer", extra: {} },
  configuration: {
    optional_top_level_keys: ["count", "extra"],
    normalization: { userName: [["user"]], sourceAddress: [{ path: ["ip"], function: "Client" }] },
  },
};

describe("classifiedRecordJson", () => {
  it("keeps the input's own text for a record the cast left alone, with the added keys", () => {
    const text = '{ "user": "alice",\n  "ip": "10.0.0.1" }\n';
    const [record] = classifyText({ "app:log": normalized }, text);
    const json = classifiedRecordJson(record);
    // the input's layout is still there: the record was not encoded again
    expect(json).toContain('"record":{ "user": "alice",\n  "ip": "10.0.0.1" ,"count":0,');
    const sent = JSON.parse(json).record;
    expect(sent.count).toBe(0); // optional key default
    expect(sent.extra).toEqual({});
    expect(sent.streamalert_normalization.userName).toEqual([
      { function: null, values: ["alice"] },
    ]);
    expectSameAsStringify([record]);
  });

  it("keeps the text of JSON found inside the input (embedded_json, json_regex_key)", () => {
    const inner = '{ "user": "carol",  "ip": "10.0.0.4" }';
    const embedded: SchemaSpec = {
      ...normalized,
      configuration: { ...normalized.configuration, json_path: "items[*]", embedded_json: true },
    };
    const fromPath = classifyText({ "app:log": embedded }, JSON.stringify({ items: [inner] }));
    const inMessage: SchemaSpec = {
      ...normalized,
      configuration: { ...normalized.configuration, json_regex_key: "message" },
    };
    const fromMessage = classifyText(
      { "app:log": inMessage },
      JSON.stringify({ message: `host app: ${inner}` }),
    );
    for (const [record] of [fromPath, fromMessage]) {
      // the layout inside the string is still there: the record was not encoded again
      expect(classifiedRecordJson(record)).toContain(
        '"record":{ "user": "carol",  "ip": "10.0.0.4" ,',
      );
      expectSameAsStringify([record]);
    }
  });

  it("encodes a record whose values the cast changed", () => {
    const [record] = classifyText(
      { "app:log": normalized },
      '{"user": "bob", "ip": "10.0.0.2", "count": "7"}',
    );
    expect(record.record.count).toBe(7);
    expect(JSON.parse(classifiedRecordJson(record)).record.count).toBe(7);
    expectSameAsStringify([record]);
  });

  it("replaces a normalization block that came in with the input", () => {
    const [record] = classifyText(
      {
        "app:log": {
          ...normalized,
          schema: { ...normalized.schema, streamalert_normalization: {} },
        },
      },
      '{"user": "eve", "ip": "10.0.0.3", "streamalert_normalization": {"forged": true}}',
    );
    const sent = JSON.parse(classifiedRecordJson(record)).record;
    expect(sent.streamalert_normalization.forged).toBeUndefined();
    expect(sent.streamalert_normalization.userName[0].values).toEqual(["eve"]);
    expectSameAsStringify([record]);
  });

  it("keeps a normalization block that came in with the input, every key of it", () => {
    const plain: SchemaSpec = {
      schema: { user: "string", streamalert_normalization: {} },
    };
    const [record] = classifyText(
      { "app:plain": plain },
      '{"user": "eve", "streamalert_normalization": {"ip": [{"function": null, "values": ["1"], "note": "x"}]}}',
    );
    const sent = JSON.parse(classifiedRecordJson(record)).record;
    expect(sent.streamalert_normalization.ip[0].note).toBe("x");
    expectSameAsStringify([record]);
  });

  it("writes CSV records and their envelope, shared by the records of one payload", () => {
    const csv: SchemaSpec = {
      parser: "csv",
      schema: { host: "string", count: "integer" },
      configuration: {
        json_path: "logEvents[*].message",
        envelope_keys: { logGroup: "string" },
        normalization: { hostName: [{ path: ["host"], function: "Host" }] },
      },
    };
    const records = classifyText(
      { "app:csv": csv },
      JSON.stringify({ logGroup: "g", logEvents: [{ message: "a,1" }, { message: "b,2" }] }),
    );
    expect(records.map((r) => JSON.parse(classifiedRecordJson(r)).record)).toEqual([
      expect.objectContaining({
        host: "a",
        count: 1,
        "streamalert:envelope_keys": { logGroup: "g" },
      }),
      expect.objectContaining({
        host: "b",
        count: 2,
        "streamalert:envelope_keys": { logGroup: "g" },
      }),
    ]);
    expectSameAsStringify(records);
  });

  it("writes each input's envelope when inputs in a row share or change its values", () => {
    // one classifier for all inputs: the envelope text is written once per run of equal values
    const classifier = classifierFor({
      logs: {
        "app:csv": {
          parser: "csv",
          schema: { host: "string", count: "integer" },
          configuration: {
            json_path: "logEvents[*].message",
            envelope_keys: { region: "string", logGroup: "string", owner: "integer", filters: [] },
            optional_envelope_keys: ["region", "filters"],
          },
        },
      },
    });
    const borrowed = { logGroup: "g", owner: "1", filters: ["f"], logEvents: [{ message: "c,3" }] };
    const inputs: Array<string | Record<string, unknown>> = [
      { logGroup: "g", owner: "1", filters: ["f"] },
      { logGroup: "g", owner: "1", filters: ["f"] }, // the same values again
      { logGroup: "g2", owner: "1", filters: ["f"] },
      { logGroup: "g2", owner: 1, filters: ["f"] }, // another input value, the same cast one
      { logGroup: "g2", owner: "1", filters: ["f", "x"] },
      { logGroup: "g2", owner: "1", filters: ["f", "x"], region: "" }, // present, not added
      { logGroup: "g2", owner: "1", filters: ["f", "x"] },
      { logGroup: "g2", owner: "1", filters: [{ deep: "a" }] }, // not compared: written anew
      { logGroup: "g2", owner: "1", filters: [{ deep: "b" }] },
      { logGroup: "g2", owner: "1" }, // absent after a value that was not compared
    ].map((envelope) => JSON.stringify({ ...envelope, logEvents: [{ message: "a,1" }] }));
    inputs.push(borrowed); // handed over parsed, then changed by its owner
    const envelopes: unknown[] = [];
    const sent = (data: string | Record<string, unknown>) => {
      const outcome = classifier.classify({ service: "kinesis", resource: "stream", data });
      if (!outcome.ok) throw new Error(outcome.message);
      for (const record of outcome.records) {
        const envelope = JSON.parse(classifiedRecordJson(record)).record[
          "streamalert:envelope_keys"
        ];
        const own = record.record["streamalert:envelope_keys"] as Record<string, unknown>;
        expect(envelope).toEqual(own);
        expect(Object.keys(envelope)).toEqual(Object.keys(own)); // same order as the record's
        envelopes.push(envelope);
      }
    };
    for (const data of inputs) sent(data);
    borrowed.filters.push("changed");
    sent(borrowed);
    expect(envelopes.map((e) => JSON.stringify(e))).toEqual([
      '{"logGroup":"g","owner":1,"filters":["f"],"region":""}',
      '{"logGroup":"g","owner":1,"filters":["f"],"region":""}',
      '{"logGroup":"g2","owner":1,"filters":["f"],"region":""}',
      '{"logGroup":"g2","owner":1,"filters":["f"],"region":""}',
      '{"logGroup":"g2","owner":1,"filters":["f","x"],"region":""}',
      '{"region":"","logGroup":"g2","owner":1,"filters":["f","x"]}',
      '{"logGroup":"g2","owner":1,"filters":["f","x"],"region":""}',
      '{"logGroup":"g2","owner":1,"filters":[{"deep":"a"}],"region":""}',
      '{"logGroup":"g2","owner":1,"filters":[{"deep":"b"}],"region":""}',
      '{"logGroup":"g2","owner":1,"region":"","filters":[]}',
      '{"logGroup":"g","owner":1,"filters":["f"],"region":""}',
      '{"logGroup":"g","owner":1,"filters":["f","changed"],"region":""}',
    ]);
  });

  it("writes CSV records from their rows' text exactly as JSON.stringify would", () => {
    // values the row's text can stand for and values it cannot (cast changed them, or JSON
    // escapes them), in every column type, each next to quoted and unquoted neighbours
    const texts: Record<"integer" | "float" | "boolean" | "string", string[]> = {
      integer: ["0", "7", "1761955200003000", "9007199254740993", "007", "-4", " 12", "1_000", ""],
      float: ["1.5", "2", "1e3", "nan", "-0.0", "3.10", ""],
      boolean: ["true", "False", "yes", ""],
      string: ["db", "", "a b", 'say ""hi""', "back\\slash", "tab\there", "\ud83d\ude00", "\ud800"],
    };
    const types = Object.keys(texts) as Array<keyof typeof texts>;
    let seed = 7;
    let compared = 0;
    const seen = new Set<string>();
    const next = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let round = 0; round < 40; round++) {
      const columns = Array.from({ length: 1 + next(6) }, () => types[next(types.length)]);
      const schema = Object.fromEntries(columns.map((type, i) => [`c${i}_${type}`, type]));
      const lines = Array.from({ length: 6 }, () =>
        columns
          .map((type) => {
            const text = texts[type][next(texts[type].length)];
            return text.includes('"') ? `"${text}"` : text;
          })
          .join(","),
      );
      const logs: Record<string, SchemaSpec> = {
        "app:csv": { parser: "csv", schema, configuration: { json_path: "rows[*]" } },
      };
      const data = JSON.stringify({ rows: lines });
      const records = classifyText(logs, data);
      // cast as the generic key check and cast does it (the one-pass cast writes the JSON too)
      const [generic] = classifierFor({ logs }).classifyAll({
        service: "kinesis",
        resource: "stream",
        data,
      });
      expect(records.map((r) => r.record)).toEqual(generic.records.map((r) => r.record));
      for (const record of records) {
        expect(classifiedRecordJson(record)).toBe(JSON.stringify(record));
        for (const value of Object.values(record.record)) seen.add(JSON.stringify(value));
      }
      compared += records.length;
    }
    expect(compared).toBeGreaterThan(200); // an empty one-column line is no row, so a few drop
    // every kind of value came through: as read, cast, escaped
    for (const json of [
      "1761955200003000",
      "7",
      "-4",
      "1.5",
      "true",
      '"say \\"hi\\""',
      '"\\ud800"',
    ])
      expect(seen).toContain(json);
  });

  it("writes CSV records with nested and oddly named columns as JSON.stringify would", () => {
    const schemas: Record<string, SchemaSpec> = {
      "app:nested": {
        parser: "csv",
        schema: { when: "integer", inner: { a: "string", b: "integer" }, 'k"ey': "string" },
      },
      "app:indexed": { parser: "csv", schema: { "0": "string", name: "string" } },
    };
    for (const [name, data] of [
      ["app:nested", '5,"x,9",v'],
      ["app:indexed", "first,second"],
    ]) {
      const [record] = classifyText({ [name]: schemas[name] }, data);
      expect(record.log_schema_type).toBe(name);
      expect(classifiedRecordJson(record)).toBe(JSON.stringify(record));
    }
  });

  it("writes normalization blocks of every shape exactly as JSON.stringify would", () => {
    // entries of one type and of several, found or not, lists, values JSON escapes, opted out
    // of artifacts, behind conditions; alone and with legacy types that add to the same lists
    const normalization = {
      user: [
        { path: ["actor"], function: "Who acted" },
        { path: ["target"], function: "Who was acted on", send_to_artifacts: false },
      ],
      ip: [["ips"], ["src"]],
      note: [{ path: ["note"], condition: { path: ["kind"], is: "login" } }],
      ["__proto__"]: [["kind"]],
      constructor: [["kind"]],
    };
    const schema: SchemaSpec["schema"] = {
      actor: "string",
      target: "string",
      ips: [],
      src: "string",
      note: "string",
      kind: "string",
    };
    const inputs = [
      {
        actor: "alice",
        target: "bob",
        ips: ["10.0.0.1", "10.0.0.2"],
        src: "",
        note: "n",
        kind: "login",
      },
      { actor: "", target: 'say "hi"', ips: [], src: "10.0.0.3", note: "", kind: "logout" },
      { actor: "tab\there", target: "", ips: [7, "x"], src: "1.1.1.1", note: "m", kind: "login" },
      { actor: "", target: "", ips: [], src: "", note: "", kind: "" },
    ];
    for (const normalizedTypes of [undefined, { app: { user: ["src"], host: ["kind"] } }]) {
      const classifier = classifierFor({
        logs: { "app:log": { schema, configuration: { normalization } } },
        normalizedTypes,
      });
      for (const input of inputs) {
        const outcome = classifier.classify({
          service: "kinesis",
          resource: "stream",
          data: JSON.stringify(input),
        });
        if (!outcome.ok) throw new Error(outcome.message);
        const [record] = outcome.records;
        expect(classifiedRecordJson(record)).toBe(JSON.stringify(record));
        if (input.kind === "login") {
          // names Object.prototype has are types like any other
          const block = JSON.parse(classifiedRecordJson(record)).record.streamalert_normalization;
          expect(Object.keys(block)).toEqual(expect.arrayContaining(["__proto__", "constructor"]));
        }
      }
    }
  });

  it("writes the defaults each record lacks and the envelope, also over an input's own", () => {
    const withOptional: SchemaSpec = {
      schema: { a: "string", b: "integer", c: {}, d: [], e: "boolean", inner: "string" },
      configuration: {
        json_path: "items[*]",
        envelope_keys: { host: "string" },
        optional_top_level_keys: ["b", "c", "d", "e", "streamalert:envelope_keys"],
      },
    };
    withOptional.schema["streamalert:envelope_keys"] = {};
    const items = [
      { a: "1", inner: "x" },
      { a: "2", b: 5, inner: "x" },
      { a: "3", c: { k: 1 }, e: true, inner: "x" },
      { a: "4", inner: "x", "streamalert:envelope_keys": { old: true } },
      { a: "5", inner: "x" },
    ];
    const records = classifyText(
      { "app:opt": withOptional },
      JSON.stringify({ host: "h1", items }),
    );
    expect(records).toHaveLength(items.length);
    for (const record of records) {
      expect(JSON.parse(classifiedRecordJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      expect(record.record["streamalert:envelope_keys"]).toEqual({ host: "h1" });
    }
    expect(records.map((r) => Object.keys(JSON.parse(classifiedRecordJson(r)).record))).toEqual(
      records.map((r) => Object.keys(r.record)),
    );
  });

  it("writes the defaults of a schema with more optional keys than its cache takes", () => {
    // past 30 optional keys the defaults' JSON is joined for each record, not looked up
    const keys = Array.from({ length: 35 }, (_, i) => `k${i}`);
    const many: SchemaSpec = {
      schema: { id: "string", ...Object.fromEntries(keys.map((key) => [key, "integer"])) },
      configuration: { json_path: "items[*]", optional_top_level_keys: keys },
    };
    const items = [{ id: "a" }, { id: "b", k0: 1, k31: 2 }, { id: "c", k34: 3 }, { id: "d" }];
    const records = classifyText({ "app:many": many }, JSON.stringify({ items }));
    expect(records).toHaveLength(items.length);
    for (const record of records) {
      const sent = JSON.parse(classifiedRecordJson(record)).record;
      expect(sent).toEqual(JSON.parse(JSON.stringify(record.record)));
      expect(Object.keys(sent)).toEqual(Object.keys(record.record));
    }
    expect(JSON.parse(classifiedRecordJson(records[1])).record).toMatchObject({ k0: 1, k31: 2 });
    expect(JSON.parse(classifiedRecordJson(records[1])).record.k30).toBe(0);
  });

  it("encodes the record whole once its normalization block is replaced", () => {
    const [record] = classifyText({ "app:log": normalized }, '{"user": "dan", "ip": "10.0.0.5"}');
    record.record.streamalert_normalization = { userName: [{ function: null, values: ["x"] }] };
    expect(classifiedRecordJson(record)).toBe(JSON.stringify(record));
  });

  it("lets the next schema keep a record an earlier schema cast but its log_patterns refused", () => {
    const shape: SchemaSpec["schema"] = { user: "string", action: "string" };
    const records = classifyText(
      {
        "a:refuses": {
          schema: shape,
          configuration: { priority: 0, log_patterns: { action: ["login*"] } },
        },
        "b:takes": { schema: shape, configuration: { priority: 1 } },
      },
      '{"user": "eve", "action": "logout"}',
    );
    expect(records.map((r) => r.log_schema_type)).toEqual(["b:takes"]);
    expectSameAsStringify(records);
  });

  it("escapes a lone surrogate as JSON.stringify does", () => {
    const [record] = classifyText({ "app:log": normalized }, '{"user": "\ud800", "ip": "x"}');
    const json = classifiedRecordJson(record);
    expect(json).toContain("\\ud800");
    expectSameAsStringify([record]);
  });

  it("escapes normalized values as JSON.stringify does", () => {
    // the cast changes count, so the record is encoded when kept and its additions spliced
    const user = 'q"b\\s\u0001\ud800 and a long tail '.padEnd(300, "x");
    const [record] = classifyText(
      { "app:log": normalized },
      JSON.stringify({ user, ip: "10.0.0.9", count: "7" }),
    );
    expect(record.record.streamalert_normalization).toBeDefined();
    expect(classifiedRecordJson(record)).toBe(JSON.stringify(record));
    const [plain] = classifyText(
      { "app:log": normalized },
      JSON.stringify({ user: 'q"b', ip: "\ud83d\ude00", count: "8" }),
    );
    expect(classifiedRecordJson(plain)).toBe(JSON.stringify(plain));
  });

  it("writes each log type's own wrapper when log types alternate", () => {
    const other: SchemaSpec = { parser: "json", schema: { host: "string" } };
    const classifier = classifierFor({ logs: { "app:log": normalized, "app:host": other } });
    const bodies = ['{"user": "a", "ip": "1"}', '{"host": "h"}', '{"user": "b", "ip": "2"}'].map(
      (data) => {
        const outcome = classifier.classify({ service: "kinesis", resource: "stream", data });
        if (!outcome.ok) throw new Error(outcome.message);
        return outcome.records.map((r) => [classifiedRecordJson(r), JSON.stringify(r)]);
      },
    );
    for (const [[json, stringified]] of bodies)
      expect(JSON.parse(json)).toEqual(JSON.parse(stringified));
    expect(bodies.map(([[json]]) => JSON.parse(json).log_schema_type)).toEqual([
      "app:log",
      "app:host",
      "app:log",
    ]);
  });

  it("handles an empty object record and integer-like optional keys", () => {
    const empty = classifyText({ "app:any": { schema: {} } }, "  {}  ");
    expect(JSON.parse(classifiedRecordJson(empty[0])).record).toEqual({});
    const numbered = classifyText(
      {
        "app:num": {
          schema: { a: "string", "7": "string" },
          configuration: { optional_top_level_keys: ["7"] },
        },
      },
      '{"a": "x"}',
    );
    expect(JSON.parse(classifiedRecordJson(numbered[0])).record).toEqual({ a: "x", "7": "" });
    expectSameAsStringify([...empty, ...numbered]);
  });

  it("gives the same value as JSON.stringify for every sample log in the repository", () => {
    const { config } = loadConfig("conf");
    const dir = "samples/kinesis/acme_prod_streamalert";
    const samples = readdirSync(dir).flatMap((file) =>
      readFileSync(join(dir, file), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== ""),
    );
    const classifier = createClassifier(config, "prod");
    let checked = 0;
    for (const data of samples) {
      const outcome = classifier.classify({
        service: "kinesis",
        resource: "acme_prod_streamalert",
        data,
      });
      if (!outcome.ok) continue;
      expectSameAsStringify(outcome.records);
      checked += outcome.records.length;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
