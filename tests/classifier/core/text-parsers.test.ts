// SPEC §3.4 csv, kv and syslog parsers, on text from any service.
import type { ServiceName } from "../../../functions/shared/config/types";
import { classifierFor, oneSchema, recordsOf } from "./config-factory";

describe("csv", () => {
  const schema = { time: "integer", user: "string", query: "string" } as const;

  it.each<[string, Record<string, string>, string, unknown[] | undefined]>([
    ["a plain row", {}, "1,alice,select 1", [{ time: 1, user: "alice", query: "select 1" }]],
    [
      "a quoted field with the delimiter",
      {},
      '2,"bob, jr","a ""quoted"" word"',
      [{ time: 2, user: "bob, jr", query: 'a "quoted" word' }],
    ],
    [
      "a custom delimiter",
      { delimiter: "|" },
      "3|carol|x,y",
      [{ time: 3, user: "carol", query: "x,y" }],
    ],
    [
      "a custom quotechar",
      { quotechar: "'" },
      "4,'d, e',q",
      [{ time: 4, user: "d, e", query: "q" }],
    ],
    [
      "an escapechar",
      { escapechar: "\\" },
      '5,"say \\"hi\\"",q',
      [{ time: 5, user: 'say "hi"', query: "q" }],
    ],
    ["too few columns", {}, "6,alice", undefined],
    ["too many columns", {}, "7,alice,q,extra", undefined],
    [
      "one record per row",
      {},
      "8,a,q\n9,b,r\n",
      [
        { time: 8, user: "a", query: "q" },
        { time: 9, user: "b", query: "r" },
      ],
    ],
    [
      "only the rows that fit",
      {},
      "10,a,q\nbad\n11,b,r",
      [
        { time: 10, user: "a", query: "q" },
        { time: 11, user: "b", query: "r" },
      ],
    ],
  ])("%s", (_case, configuration, data, expected) => {
    expect(recordsOf(oneSchema({ ...schema }, configuration, "csv"), data)).toEqual(expected);
  });

  it("parses a nested object column as CSV itself", () => {
    const spec = oneSchema(
      { id: "string", inner: { a: "string", b: "integer" }, tail: "string" },
      { delimiter: " " },
      "csv",
    );
    expect(recordsOf(spec, 'x "p 7" z')).toEqual([{ id: "x", inner: { a: "p", b: 7 }, tail: "z" }]);
    expect(recordsOf(spec, 'x "p" z')).toBeUndefined();
  });

  it("pulls CSV rows out of JSON with json_path (RDS logs in CloudWatch Logs)", () => {
    const spec = oneSchema({ ...schema }, { json_path: "logEvents[*].message" }, "csv");
    const data = {
      messageType: "DATA_MESSAGE",
      logEvents: [
        { message: '12,alice,"SELECT a, b FROM t"' },
        { message: "13,bob,q" },
        { message: "too,few" },
      ],
    };
    expect(recordsOf(spec, JSON.stringify(data))).toEqual([
      { time: 12, user: "alice", query: "SELECT a, b FROM t" },
      { time: 13, user: "bob", query: "q" },
    ]);
  });

  it("reads single-quoted fields with backslash escapes (RDS Aurora audit logs)", () => {
    const spec = oneSchema(
      {
        ts: "integer",
        operation: "string",
        database: "string",
        query: "string",
        retcode: "integer",
      },
      { quotechar: "'", escapechar: "\\" },
      "csv",
    );
    expect(recordsOf(spec, "1530644171134057,QUERY,,'SELECT a, b WHERE x = \\'y\\'',0")).toEqual([
      {
        ts: 1530644171134057,
        operation: "QUERY",
        database: "",
        query: "SELECT a, b WHERE x = 'y'",
        retcode: 0,
      },
    ]);
  });

  it("does not split a JSON record into columns", () => {
    const spec = oneSchema({ a: "string", b: "string" }, {}, "csv");
    expect(recordsOf(spec, '{"a": 1, "b": 2}')).toBeUndefined();
  });
});

describe("kv", () => {
  const schema = { user: "string", uid: "integer", shell: "string" } as const;
  it.each<[string, Record<string, string>, string, unknown[] | undefined]>([
    [
      "space and = by default",
      {},
      "user=alice uid=501 shell=/bin/zsh",
      [{ user: "alice", uid: 501, shell: "/bin/zsh" }],
    ],
    [
      "repeated spaces",
      {},
      "user=alice  uid=501   shell=sh",
      [{ user: "alice", uid: 501, shell: "sh" }],
    ],
    [
      "custom delimiter and separator",
      { delimiter: ",", separator: ":" },
      "user:bob,uid:7,shell:a:b",
      [{ user: "bob", uid: 7, shell: "a:b" }],
    ],
    ["a field count other than the schema's", {}, "user=alice uid=501", undefined],
    [
      "a field without the separator (skipped, so a key is missing)",
      {},
      "user=alice uid=501 shell",
      undefined,
    ],
    ["keys other than the schema's", {}, "user=a uid=1 other=x", undefined],
  ])("%s", (_case, configuration, data, expected) => {
    expect(recordsOf(oneSchema({ ...schema }, configuration, "kv"), data)).toEqual(expected);
  });

  it("names a repeated key after the schema key at its position", () => {
    const spec = oneSchema({ a: "string", b: "string" }, {}, "kv");
    expect(recordsOf(spec, "a=1 a=2")).toEqual([{ a: "1", b: "2" }]);
  });
});

describe("syslog", () => {
  const schema = {
    timestamp: "string",
    host: "string",
    application: "string",
    message: "string",
  } as const;
  it.each<[string, string, unknown[] | undefined]>([
    [
      "application with pid",
      "Jan 10 19:35:13 vagrant-ubuntu-precise-32 ssh[13941]: login for mike",
      [
        {
          timestamp: "Jan 10 19:35:13",
          host: "vagrant-ubuntu-precise-32",
          application: "ssh",
          message: "login for mike",
        },
      ],
    ],
    [
      "application without pid",
      "Jan 10 19:35:33 host1 sudo: session opened for root",
      [
        {
          timestamp: "Jan 10 19:35:33",
          host: "host1",
          application: "sudo",
          message: "session opened for root",
        },
      ],
    ],
    [
      "a carriage return in the message (Python's `.` only stops at a line feed)",
      "Jan 10 19:35:33 host1 sudo: a\rb\n",
      [{ timestamp: "Jan 10 19:35:33", host: "host1", application: "sudo", message: "a\rb" }],
    ],
    ["a line that is not syslog", "hello world", undefined],
    ["a single-digit day without padding", "Jan 1 19:35:33 host1 sudo: x", undefined],
  ])("%s", (_case, data, expected) => {
    expect(recordsOf(oneSchema({ ...schema }, {}, "syslog"), data)).toEqual(expected);
  });
});

describe("text parsers on every service", () => {
  it.each<ServiceName>(["kinesis", "s3", "sns", "streamalert_app"])(
    "kv and syslog classify text from %s",
    (service) => {
      const classifier = classifierFor({
        logs: {
          "kv:log": { parser: "kv", schema: { a: "string", b: "string" } },
          "syslog:log": {
            parser: "syslog",
            schema: {
              timestamp: "string",
              host: "string",
              application: "string",
              message: "string",
            },
          },
        },
        dataSources: { [service]: { source: ["kv", "syslog"] } },
      });
      const kv = classifier.classify({ service, resource: "source", data: "a=1 b=2" });
      const syslog = classifier.classify({
        service,
        resource: "source",
        data: "Feb 02 10:00:00 h app: m",
      });
      expect(kv.ok && kv.records[0].log_schema_type).toBe("kv:log");
      expect(syslog.ok && syslog.records[0].log_schema_type).toBe("syslog:log");
    },
  );
});
