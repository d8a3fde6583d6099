import { type Alert, EPOCH, fromItem, toItem, toPlainAlert } from "../../../functions/shared/alert";

const alert: Alert = {
  ruleName: "root_login",
  alertId: "0b6f3f0e-5c1a-8d2e-9f00-1234567890ab",
  attempts: 0,
  cluster: "prod",
  context: { ticket: "SEC" },
  created: new Date("2026-01-02T03:04:05.678Z"),
  dispatched: EPOCH,
  logSource: "cloudtrail:events",
  logType: "json",
  mergeByKeys: [],
  mergeWindowMins: 0,
  outputs: ["aws-firehose:alerts", "slack:sec"],
  outputsSent: [],
  publishers: {},
  record: { eventName: "ConsoleLogin", nested: { empty: "" } },
  ruleDescription: "root logged in",
  sourceEntity: "stream",
  sourceService: "kinesis",
  staged: false,
  severity: "high",
  title: "Root login",
  tags: ["T1078"],
};

describe("alert item", () => {
  it("writes StreamAlert's attribute names and formats", () => {
    const item = toItem(alert);
    expect(item).toMatchObject({
      RuleName: "root_login",
      AlertID: alert.alertId,
      Created: "2026-01-02T03:04:05.678000Z",
      Dispatched: "1970-01-01T00:00:00.000000Z",
      Outputs: new Set(["aws-firehose:alerts", "slack:sec"]),
      Record: '{"eventName":"ConsoleLogin","nested":{"empty":""}}',
      MergeWindowMins: 0,
      Staged: false,
      Severity: "high",
      Title: "Root login",
      Tags: ["T1078"],
    });
    // DynamoDB has no empty sets: absent until something was sent
    expect(item).not.toHaveProperty("OutputsSent");
    expect(item).not.toHaveProperty("Publishers");
  });

  it("reads back what it wrote", () => {
    expect(fromItem({ ...toItem(alert) })).toEqual(alert);
  });

  it("reads an item StreamAlert wrote (lists, nulls, string publishers)", () => {
    const read = fromItem({
      RuleName: "r",
      AlertID: "id",
      Attempts: 2,
      Cluster: null,
      Context: null,
      Created: "2019-05-06T07:08:09.123456Z",
      LogSource: "binaryalert",
      LogType: "json",
      MergeByKeys: ["user"],
      MergeWindowMins: 5,
      Outputs: ["slack:sec"],
      OutputsSent: null,
      Publishers: { "slack:sec": "publishers.default" },
      Record: '{"x":1}',
      RuleDescription: null,
      SourceEntity: "b",
      SourceService: "s3",
      Staged: false,
    });
    expect(read).toMatchObject({
      attempts: 2,
      cluster: "",
      context: {},
      created: new Date("2019-05-06T07:08:09.123Z"),
      dispatched: EPOCH,
      outputsSent: [],
      publishers: { "slack:sec": ["publishers.default"] },
      record: { x: 1 },
    });
  });

  it.each([
    ["no Record", { RuleName: "r", AlertID: "i", Created: "2019-01-01T00:00:00.000000Z" }],
    [
      "Record not JSON",
      { RuleName: "r", AlertID: "i", Created: "2019-01-01T00:00:00Z", Record: "{" },
    ],
    ["bad Created", { RuleName: "r", AlertID: "i", Created: "yesterday", Record: "{}" }],
  ])("rejects an item with %s", (_case, item) => {
    expect(() => fromItem(item)).toThrow(/alert/i);
  });
});

describe("plain form for publishers", () => {
  it("has StreamAlert's output_dict keys plus the rule metadata", () => {
    expect(toPlainAlert(alert)).toEqual({
      cluster: "prod",
      context: { ticket: "SEC" },
      created: "2026-01-02T03:04:05.678000Z",
      id: alert.alertId,
      log_source: "cloudtrail:events",
      log_type: "json",
      outputs: ["aws-firehose:alerts", "slack:sec"],
      publishers: {},
      record: alert.record,
      rule_description: "root logged in",
      rule_name: "root_login",
      source_entity: "stream",
      source_service: "kinesis",
      staged: false,
      severity: "high",
      title: "Root login",
      tags: ["T1078"],
    });
  });
});
