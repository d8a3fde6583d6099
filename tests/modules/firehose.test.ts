import { rmSync } from "node:fs";
import { firehoseStreamName } from "../../functions/classifier/senders/firehose-names";
import type { SchemaType } from "../../functions/shared/config/types";
import { glueColumns, glueType } from "../../modules/firehose";
import { exampleConfig, resourcesOf, type Synthesized, synthToTemp } from "./synth-fixture";

const config = exampleConfig();
let synthesized: Synthesized;
beforeAll(() => {
  synthesized = synthToTemp(config, { clusters: [] });
});
afterAll(() => rmSync(synthesized.outdir, { recursive: true, force: true }));

const tables = () => resourcesOf([synthesized.stacks.global], "aws_glue_catalog_table");
const streams = () =>
  resourcesOf([synthesized.stacks.global], "aws_kinesis_firehose_delivery_stream");
type Table = {
  name: string;
  storage_descriptor: { columns: Array<{ name: string; type: string }> };
};

describe("glueType", () => {
  it.each<[SchemaType, string]>([
    ["string", "string"],
    ["integer", "bigint"],
    ["float", "double"],
    ["boolean", "boolean"],
    [{}, "map<string,string>"],
    [[], "array<string>"],
    [
      { "user-name": "string", id: "integer", tags: [] },
      "struct<user_name:string,id:bigint,tags:array<string>>",
    ],
  ])("maps %j to %s", (type, expected) => {
    expect(glueType(type)).toBe(expected);
  });
});

describe("firehose module on the example configuration", () => {
  const enabled = Object.keys(config.logs).filter(
    (type) => type.startsWith("cloudtrail:") || type.startsWith("osquery:"),
  );

  it("creates one delivery stream per enabled log type plus the alerts stream", () => {
    const names = streams().map((s) => s.name);
    expect(names.sort()).toEqual(
      [
        ...enabled.map((type) => firehoseStreamName("acme", type)),
        "acme_streamalert_alert_delivery",
      ].sort(),
    );
  });

  it("gives every enabled log type a table whose columns follow its schema's types", () => {
    const primitive: Record<string, string> = {
      string: "string",
      integer: "bigint",
      float: "double",
      boolean: "boolean",
    };
    for (const type of enabled) {
      const table = tables().find((t) => t.name === type.replace(/\W/g, "_")) as Table | undefined;
      expect(table).toBeDefined();
      const columns = new Map(table?.storage_descriptor.columns.map((c) => [c.name, c.type]));
      for (const [field, fieldType] of Object.entries(config.logs[type].schema)) {
        const column = columns.get(field.replace(/\W/g, "_").toLowerCase());
        if (typeof fieldType === "string") expect(column).toBe(primitive[fieldType]);
        else if (Array.isArray(fieldType)) expect(column).toBe("array<string>");
        else expect(column).toMatch(/^(map|struct)</);
      }
      expect(columns.get("streamalert_normalization")).toBe("map<string,array<string>>");
    }
  });

  it("has an alerts table and a min-records alarm where enabled_logs asks for one", () => {
    expect(tables().map((t) => t.name)).toContain("alerts");
    const alarms = resourcesOf([synthesized.stacks.global], "aws_cloudwatch_metric_alarm").filter(
      (a) => a.namespace === "AWS/Firehose",
    );
    const cloudtrailTypes = enabled.filter((type) => type.startsWith("cloudtrail:"));
    expect(alarms).toHaveLength(cloudtrailTypes.length);
    expect(alarms[0]).toEqual(
      expect.objectContaining({ comparison_operator: "LessThanThreshold", threshold: 1000 }),
    );
  });

  it("adds the envelope keys column when the schema declares envelope keys", () => {
    const columns = glueColumns({
      schema: { a: "string" },
      configuration: { envelope_keys: { id: "integer" } },
    });
    expect(columns.map((c) => c.name)).toEqual([
      "a",
      "streamalert_envelope_keys",
      "streamalert_normalization",
    ]);
  });
});
