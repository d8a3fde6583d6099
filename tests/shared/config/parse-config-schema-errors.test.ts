import { parseConfig, type RawConfigFiles } from "../../../functions/shared/config";
import { errorLines, validFiles, withValue } from "./config-fixtures";

type Case = [description: string, files: RawConfigFiles, expected: string];
const base = validFiles();

const otherCases: Case[] = [
  [
    "AWS output written as a list",
    withValue(base, "outputs.json", ["aws-sns"], ["oncall"]),
    'conf/outputs.json: aws-sns: expected an object, got ["oncall"]',
  ],
  [
    "non-AWS output written as an object",
    withValue(base, "outputs.json", ["slack"], { security: "hook" }),
    'conf/outputs.json: slack: expected a list of strings, got {"security":"hook"}',
  ],
  [
    "threat intel type no schema produces (enabled)",
    withValue(base, "threat_intel.json", ["normalized_ioc_types", "ip", 1], "srcAddr"),
    'conf/threat_intel.json: normalized_ioc_types.ip[1]: normalized type "srcAddr" is not produced by any schema normalization or normalized_types.json',
  ],
  [
    "excluded IP range that is not a CIDR",
    withValue(base, "threat_intel.json", ["excluded_iocs"], { ip: { "10.0.0.0/33": {} } }),
    'conf/threat_intel.json: excluded_iocs.ip["10.0.0.0/33"]: "10.0.0.0/33" is not an IP address or CIDR range such as "10.0.0.0/8"',
  ],
  [
    "s3 lookup table without its key",
    withValue(base, "lookup_tables.json", ["tables", "hosts", "key"], undefined),
    'conf/lookup_tables.json: tables.hosts.key: is required: expected the S3 object key, such as "tables/hosts.json.gz"',
  ],
  [
    "dynamodb lookup table without value_key",
    withValue(base, "lookup_tables.json", ["tables", "hosts"], {
      driver: "dynamodb",
      table: "t",
      partition_key: "k",
    }),
    "conf/lookup_tables.json: tables.hosts.value_key: is required: expected a non-empty string",
  ],
  [
    "unknown lookup driver",
    withValue(base, "lookup_tables.json", ["tables", "hosts", "driver"], "redis"),
    'conf/lookup_tables.json: tables.hosts.driver: expected one of "s3" or "dynamodb", got "redis"',
  ],
];

const schemaCases: Case[] = [
  [
    "schema without parser",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "parser"], undefined),
    'schemas/osquery.json: osquery:differential.parser: is required: expected one of "json", "csv", "kv" or "syslog"',
  ],
  [
    "unknown parser",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "parser"], "xml"),
    'schemas/osquery.json: osquery:differential.parser: expected one of "json", "csv", "kv" or "syslog", got "xml"',
  ],
  [
    "schema without schema",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "schema"], undefined),
    "schemas/osquery.json: osquery:differential.schema: is required: expected an object",
  ],
  [
    "invalid field type",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "schema", "name"], "int"),
    'schemas/osquery.json: osquery:differential.schema.name: expected a type: "string", "integer", "float", "boolean", {} (object) or [] (list), got "int"',
  ],
  [
    "invalid nested field type",
    withValue(base, "schemas/osquery.json", ["osquery:differential", "schema", "columns"], {
      pid: 7,
    }),
    'schemas/osquery.json: osquery:differential.schema.columns.pid: expected a type: "string", "integer", "float", "boolean", {} (object) or [] (list), got 7',
  ],
  [
    "optional key that is not in the schema",
    withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "optional_top_level_keys", 1],
      "errorCode",
    ),
    'schemas/cloudtrail.json: cloudtrail:events.configuration.optional_top_level_keys[1]: "errorCode" is not a key of schema',
  ],
  [
    "optional envelope key that is not an envelope key",
    withValue(
      base,
      "schemas/cloudwatch.json",
      ["cloudwatch:flow_logs", "configuration", "optional_envelope_keys"],
      ["owner"],
    ),
    'schemas/cloudwatch.json: cloudwatch:flow_logs.configuration.optional_envelope_keys[0]: "owner" is not a key of envelope_keys',
  ],
  [
    "priority that is not an integer",
    withValue(
      base,
      "schemas/osquery.json",
      ["osquery:snapshot", "configuration", "priority"],
      "high",
    ),
    'schemas/osquery.json: osquery:snapshot.configuration.priority: expected a non-negative integer, got "high"',
  ],
  [
    "normalization written as a bare string",
    withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "normalization", "ip_address"],
      "sourceIPAddress",
    ),
    'schemas/cloudtrail.json: cloudtrail:events.configuration.normalization.ip_address: expected a path such as ["detail", "sourceIPAddress"] or a list of entries {"path": [...], "function": "..."}, got "sourceIPAddress"',
  ],
  [
    "normalization condition with two operators",
    withValue(
      base,
      "schemas/cloudtrail.json",
      ["cloudtrail:events", "configuration", "normalization", "ip_address"],
      [{ path: ["sourceIPAddress"], condition: { path: ["eventName"], is: "x", is_not: "y" } }],
    ),
    'schemas/cloudtrail.json: cloudtrail:events.configuration.normalization.ip_address[0].condition: expected exactly one of "is", "is_not", "in", "not_in", "contains" or "not_contains", got "is" or "is_not"',
  ],
  [
    "log type name with two colons",
    withValue(base, "schemas/osquery.json", ["osquery:a:b"], {
      parser: "json",
      schema: { a: "string" },
    }),
    'schemas/osquery.json: osquery:a:b: log type names are "family" or "family:type" (letters, digits, "_", "-"; dots after the colon)',
  ],
  [
    "log type declared in two files",
    withValue(base, "schemas/zeek.json", ["osquery:snapshot"], {
      parser: "json",
      schema: { a: "string" },
    }),
    'schemas/zeek.json: osquery:snapshot: log type "osquery:snapshot" is already declared in schemas/osquery.json',
  ],
];

describe("parseConfig rejects bad schemas, outputs, threat intel and lookup tables", () => {
  it.each([...schemaCases, ...otherCases])("%s", (_description, files, expected) => {
    expect(errorLines(files)).toEqual([expected]);
  });

  it("names files after the folders it is told about", () => {
    const files = withValue(
      base,
      "schemas/osquery.json",
      ["osquery:differential", "parser"],
      "xml",
    );

    expect(() =>
      parseConfig(files, { dir: "deploy/conf", schemasDir: "deploy/conf/schemas" }),
    ).toThrow(
      'deploy/conf/schemas/osquery.json: osquery:differential.parser: expected one of "json", "csv", "kv" or "syslog", got "xml"',
    );
  });
});
