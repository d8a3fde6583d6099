// SPEC §3.2: which schemas are tried for a resource, in which order; first match wins.
import { createClassifier } from "../../../functions/classifier/classifier";
import type { ServiceName } from "../../../functions/shared/config/types";
import { buildConfig, classifierFor, type SchemaSpec } from "./config-factory";

const sameShape: SchemaSpec = { schema: { id: "string" } };
const record = { service: "kinesis" as const, resource: "stream", data: '{"id": "1"}' };

function winner(
  logs: Record<string, SchemaSpec>,
  dataSources?: Record<string, string[]>,
): string | undefined {
  const outcome = classifierFor({
    logs,
    dataSources: dataSources && { kinesis: dataSources },
  }).classify(record);
  return outcome.ok ? outcome.records[0].log_schema_type : undefined;
}

describe("schema order", () => {
  it("tries lower priority first", () => {
    const logs = {
      "a:first": { ...sameShape, configuration: { priority: 5 } },
      "b:second": { ...sameShape, configuration: { priority: 1 } },
    };
    expect(winner(logs)).toBe("b:second");
  });

  it("tries schemas with a priority before those without one", () => {
    const logs = {
      "a:none": sameShape,
      "z:prioritised": { ...sameShape, configuration: { priority: 10 } },
    };
    expect(winner(logs)).toBe("z:prioritised");
  });

  it.each<[string, Record<string, SchemaSpec>, string]>([
    [
      "file name first",
      {
        "zz:log": { ...sameShape, file: "schemas/a.json" },
        "aa:log": { ...sameShape, file: "schemas/b.json" },
      },
      "zz:log",
    ],
    [
      "then declaration order in the file",
      {
        "f:second": { ...sameShape, file: "schemas/f.json" },
        "f:first": { ...sameShape, file: "schemas/f.json" },
      },
      "f:second",
    ],
  ])("breaks ties deterministically: %s", (_case, logs, expected) => {
    expect(winner(logs)).toBe(expected);
  });

  it("returns every record of the first schema that yields one, and no other schema's", () => {
    const classifier = classifierFor({
      logs: {
        "a:list": {
          schema: { id: "string" },
          configuration: { json_path: "items[*]", priority: 1 },
        },
        "b:whole": { schema: { items: [] }, configuration: { priority: 2 } },
      },
    });
    const outcome = classifier.classify({
      ...record,
      data: '{"items": [{"id": "1"}, {"x": 1}, {"id": "2"}]}',
    });
    expect(outcome.ok && outcome.records.map((r) => [r.log_schema_type, r.record])).toEqual([
      ["a:list", { id: "1" }],
      ["a:list", { id: "2" }],
    ]);
    expect(outcome.ok && outcome.invalid).toBe(1); // {"x": 1}, counted as a failed parse
    expect(
      classifier.classifyAll({ ...record, data: '{"items": [{"id": "1"}]}' }).map((m) => m.logType),
    ).toEqual(["a:list", "b:whole"]);
  });
});

describe("data sources", () => {
  const logs: Record<string, SchemaSpec> = {
    "cloudwatch:events": sameShape,
    "cloudwatch:flow_logs": { schema: { id: "string" } },
    "other:log": sameShape,
  };

  it("a family allows every log type of it", () => {
    expect(winner(logs, { stream: ["cloudwatch"] })).toBe("cloudwatch:events");
  });

  it("a single log type allows only that type (fix over StreamAlert)", () => {
    expect(winner(logs, { stream: ["cloudwatch:flow_logs"] })).toBe("cloudwatch:flow_logs");
  });

  it("log types outside the data source are not tried", () => {
    expect(winner(logs, { stream: ["nothing"] })).toBeUndefined();
  });

  it.each([
    ["an unknown resource", { ...record, resource: "elsewhere" }],
    ["an unconfigured service", { ...record, service: "sns" as const }],
  ])("reports %s with service, resource and cluster", (_case, raw) => {
    const outcome = classifierFor({ logs }).classify(raw);
    expect(outcome).toEqual({
      ok: false,
      reason: "unknown_resource",
      message: expect.stringContaining('"prod"'),
    });
    expect(!outcome.ok && outcome.message).toContain(raw.service);
    expect(!outcome.ok && outcome.message).toContain(raw.resource);
  });

  it("uses each record's own resource when one classifier sees several in turn", () => {
    const classifier = classifierFor({
      logs,
      dataSources: {
        kinesis: { stream: ["cloudwatch:flow_logs"], other: ["other"] },
        sns: { stream: ["cloudwatch:events"] },
      },
    });
    const sent: Array<[ServiceName, string]> = [
      ["kinesis", "stream"],
      ["kinesis", "stream"],
      ["sns", "stream"], // the same name under another service
      ["kinesis", "other"],
      ["kinesis", "elsewhere"],
      ["kinesis", "stream"],
    ];
    expect(
      sent.map(([service, resource]) => {
        const outcome = classifier.classify({ ...record, service, resource });
        return outcome.ok ? outcome.records[0].log_schema_type : outcome.reason;
      }),
    ).toEqual([
      "cloudwatch:flow_logs",
      "cloudwatch:flow_logs",
      "cloudwatch:events",
      "other:log",
      "unknown_resource",
      "cloudwatch:flow_logs",
    ]);
  });

  it("fills the classified record's fields", () => {
    const outcome = classifierFor({ logs: { "cloudwatch:events": sameShape } }).classify(record);
    expect(outcome).toEqual({
      ok: true,
      records: [
        {
          cluster: "prod",
          log_schema_type: "cloudwatch:events",
          record: { id: "1" },
          service: "kinesis",
          resource: "stream",
          data_type: "json",
        },
      ],
    });
  });

  it("refuses a cluster that does not exist when created", () => {
    expect(() => createClassifier(buildConfig({ logs }), "nope")).toThrow(/cluster "nope"/);
  });
});
