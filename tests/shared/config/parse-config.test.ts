import {
  ConfigFileError,
  formatConfigIssues,
  parseConfig,
  type RawConfigFiles,
} from "../../../functions/shared/config";
import { validFiles, withValue } from "./config-fixtures";

const base = validFiles();
const prod = "clusters/prod.json";

function warningLines(files: RawConfigFiles): string[] {
  const { warnings } = parseConfig(files);
  return warnings.length === 0 ? [] : formatConfigIssues(warnings).split("\n");
}

describe("parseConfig builds the typed model", () => {
  it("loads a valid configuration without warnings", () => {
    const { config, warnings } = parseConfig(base);

    expect(warnings).toEqual([]);
    expect(config.dir).toBe("conf");
    expect(config.global.account).toEqual({
      aws_account_id: "123456789012",
      prefix: "acme",
      region: "us-east-1",
    });
    expect(config.clusters.prod.name).toBe("prod");
    expect(config.clusters.prod.data_sources.kinesis).toEqual({
      acme_prod_streamalert: ["cloudwatch", "osquery"],
    });
    expect(config.outputs).toEqual({ "aws-sns": { oncall: "acme_oncall" }, slack: ["security"] });
    expect(config.lookupTables.tables.hosts.driver).toBe("s3");
    expect(config.threatIntel.enabled).toBe(true);
    expect(config.lambda.rules_engine_config.memory).toBe(256);
  });

  it("fills defaults for the optional files", () => {
    let files = base;
    for (const name of [
      "lambda.json",
      "outputs.json",
      "threat_intel.json",
      "lookup_tables.json",
      "normalized_types.json",
    ]) {
      files = withValue(files, name, [], undefined);
    }

    const { config } = parseConfig(files);

    expect(config.lambda).toEqual({});
    expect(config.outputs).toEqual({});
    expect(config.threatIntel).toEqual({ enabled: false });
    expect(config.lookupTables).toEqual({ enabled: false, tables: {} });
    expect(config.normalizedTypes).toEqual({});
    expect(config.scheduledQueries).toBeUndefined();
  });

  it("orders schemas by file name, then declaration order, and records where each was declared", () => {
    const files = {
      ...withValue(base, "schemas/aaa.json", [], {
        "zeta:last": { parser: "kv", schema: { a: "string" } },
        "alpha:first": { parser: "kv", schema: { a: "string" } },
      }),
    };

    const { config } = parseConfig(files);

    expect(Object.keys(config.logs)).toEqual([
      "zeta:last",
      "alpha:first",
      "cloudtrail:events",
      "cloudwatch:events",
      "cloudwatch:flow_logs",
      "osquery:differential",
      "osquery:snapshot",
    ]);
    expect(config.logs["alpha:first"]).toMatchObject({ file: "schemas/aaa.json", index: 1 });
    expect(config.logs["osquery:snapshot"]).toMatchObject({
      file: "schemas/osquery.json",
      index: 1,
    });
  });

  it("gives the same order whatever order the files map lists them in", () => {
    const reversed = Object.fromEntries(Object.entries(base).reverse());

    expect(Object.keys(parseConfig(reversed).config.logs)).toEqual(
      Object.keys(parseConfig(base).config.logs),
    );
  });

  it("canonicalizes every normalization form to a list of entries", () => {
    const files = withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "normalization"],
      {
        ip_address: ["sourceIPAddress"],
        user: [
          ["userIdentity", "userName"],
          ["userIdentity", "arn"],
        ],
        event: [
          {
            path: ["eventName"],
            function: "API call",
            condition: { path: ["eventName"], in: ["getobject"] },
          },
        ],
      },
    );

    const { config } = parseConfig(files);

    expect(config.logs["cloudtrail:events"].configuration.normalization).toEqual({
      ip_address: [{ path: ["sourceIPAddress"] }],
      user: [{ path: ["userIdentity", "userName"] }, { path: ["userIdentity", "arn"] }],
      event: [
        {
          path: ["eventName"],
          function: "API call",
          condition: { path: ["eventName"], in: ["getobject"] },
        },
      ],
    });
  });

  it("accepts a family or a single log type as a data source", () => {
    const files = withValue(base, prod, ["data_sources", "sns"], {
      acme_flow_topic: ["cloudwatch:flow_logs"],
      acme_osquery_topic: ["osquery"],
    });

    expect(() => parseConfig(files)).not.toThrow();
  });
});

describe("parseConfig takes files embedded as JSON text", () => {
  const asText = () =>
    Object.fromEntries(
      Object.entries(base).map(([key, raw]) => [key, JSON.stringify(raw, null, 2)]),
    );

  it("loads the same model from text as from parsed values", () => {
    expect(parseConfig(asText()).config).toEqual(parseConfig(base).config);
  });

  it("reports text that is not JSON with file, line and column", () => {
    const files = { ...asText(), "schemas/osquery.json": '{\n  "osquery:x": {,\n}' };

    expect(() => parseConfig(files)).toThrow(
      new ConfigFileError([
        {
          file: "schemas/osquery.json",
          path: "",
          message: "invalid JSON at line 2, column 17: expected a double-quoted property name",
        },
      ]),
    );
  });

  it("warns about a key written twice in the text", () => {
    const files = { ...asText(), "outputs.json": '{"slack": ["a"], "slack": ["b"]}' };

    expect(warningLines(files)).toEqual([
      "conf/outputs.json: slack: is written twice in one object (again at line 1, column 18); only the last value is used",
    ]);
  });
});

describe("parseConfig warns about what it will not use", () => {
  it.each([
    [
      "a misspelt cluster key",
      withValue(base, prod, ["moduls"], {}),
      'conf/clusters/prod.json: moduls: unknown key "moduls" is ignored (did you mean "modules"?)',
    ],
    [
      "a misspelt Kinesis setting",
      withValue(base, prod, ["modules", "kinesis", "streams", "shard"], 2),
      'conf/clusters/prod.json: modules.kinesis.streams.shard: unknown key "shard" is ignored (did you mean "shards"?)',
    ],
    [
      "an unknown output service",
      withValue(base, "outputs.json", ["slak"], ["security"]),
      'conf/outputs.json: slak: unknown output service "slak" is ignored (did you mean "slack"?)',
    ],
    [
      "an unknown function block",
      withValue(base, "lambda.json", ["rule_engine_config"], { memory: 128 }),
      'conf/lambda.json: rule_engine_config: unknown function block "rule_engine_config" is ignored (did you mean "rules_engine_config"?)',
    ],
    [
      "an unknown schema configuration key",
      withValue(
        base,
        "schemas/osquery.json",
        ["osquery:snapshot", "configuration", "jsonpath"],
        "$.x",
      ),
      'schemas/osquery.json: osquery:snapshot.configuration.jsonpath: unknown key "jsonpath" is ignored (did you mean "json_path"?)',
    ],
    [
      "an unknown configuration file",
      withValue(base, "sources.json", [], {}),
      "conf/sources.json: unknown configuration file is ignored",
    ],
    [
      "a cluster id that differs from its file name",
      withValue(base, prod, ["id"], "production"),
      'conf/clusters/prod.json: id: "production" differs from the cluster name "prod" (its file name), which is what resources are named after',
    ],
    [
      "a Python-only StreamAlert setting",
      withValue(base, "global.json", ["general", "third_party_libraries"], ["pathlib2==2.3.5"]),
      "conf/global.json: general.third_party_libraries: is a setting of the Python StreamAlert and is ignored",
    ],
    [
      "a threat intel type no schema produces while threat intel is off",
      withValue(
        withValue(base, "threat_intel.json", ["enabled"], false),
        "threat_intel.json",
        ["normalized_ioc_types", "ip", 1],
        "srcAddr",
      ),
      'conf/threat_intel.json: normalized_ioc_types.ip[1]: normalized type "srcAddr" is not produced by any schema normalization or normalized_types.json',
    ],
    [
      "threat intel asked for by a cluster but switched off",
      withValue(
        withValue(base, "threat_intel.json", ["enabled"], false),
        prod,
        ["enable_threat_intel"],
        true,
      ),
      "conf/clusters/prod.json: enable_threat_intel: is true but threat_intel.json is not enabled, so no IOC lookups happen",
    ],
    [
      "an upper-case normalization condition that can never match",
      withValue(
        base,
        "schemas/cloudtrail.json",
        ["cloudtrail:events", "configuration", "normalization", "ip_address"],
        [{ path: ["sourceIPAddress"], condition: { path: ["eventName"], is: "GetObject" } }],
      ),
      'schemas/cloudtrail.json: cloudtrail:events.configuration.normalization.ip_address[0].condition.is: record values are lowercased before comparison, so "GetObject" never matches',
    ],
  ])("%s", (_description, files, expected) => {
    expect(warningLines(files)).toEqual([expected]);
  });
});

describe("aws-cloudwatch-log outputs", () => {
  it.each([
    ["StreamAlert's descriptor list", ["audit"], ["audit"]],
    ["descriptors mapped to group:stream", { audit: "/alerts:audit" }, { audit: "/alerts:audit" }],
  ])("accepts %s", (_name, value, expected) => {
    const { config } = parseConfig(withValue(base, "outputs.json", ["aws-cloudwatch-log"], value));
    expect(config.outputs["aws-cloudwatch-log"]).toEqual(expected);
  });
});
