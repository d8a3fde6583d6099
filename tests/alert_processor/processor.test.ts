import { fromItem } from "../../functions/shared/alert";
import { alertOf, mergeCandidate } from "../alert_merger/factories";
import {
  FakeOutputService,
  inlineEvent,
  MemoryProcessorStore,
  processorWith,
  SLACK_PARAMETER,
} from "./factories";

const firehose = () => new FakeOutputService("aws-firehose");
const slack = () => new FakeOutputService("slack", ["url"]);

describe("alert processor: results and the table", () => {
  it("sends to every output and deletes the alert when all succeeded", async () => {
    const alert = alertOf();
    const store = new MemoryProcessorStore();
    store.put(alert);
    const [hose, chat] = [firehose(), slack()];
    const { processor } = processorWith({ store, services: [hose, chat] });
    const result = await processor.process(inlineEvent(alert));
    expect(result).toMatchObject({
      table: "deleted",
      outputs: { "aws-firehose:alerts": { sent: true }, "slack:security": { sent: true } },
    });
    expect(store.item(alert)).toBeUndefined();
    expect(hose.requests[0]).toMatchObject({
      descriptor: "alerts",
      resource: "acme_streamalert_alert_delivery",
    });
    expect(chat.requests[0].credentials).toEqual({ url: "https://hooks.example/x" });
  });

  it("adds the successes to OutputsSent (keeping earlier ones) when some failed", async () => {
    const alert = alertOf({
      outputs: ["aws-firehose:alerts", "aws-s3:archive", "slack:security"],
      outputsSent: ["aws-s3:archive"],
    });
    const store = new MemoryProcessorStore();
    store.put(alert);
    const chat = slack();
    chat.failuresLeft = 1;
    const { processor } = processorWith({
      store,
      services: [firehose(), chat, new FakeOutputService("aws-s3")],
    });
    const result = await processor.process(inlineEvent(alert));
    expect(result.table).toBe("updated");
    expect(result.outputs["slack:security"]).toEqual({
      sent: false,
      error: "slack answered 500",
    });
    expect(fromItem(store.item(alert) ?? {}).outputsSent).toEqual([
      "aws-firehose:alerts",
      "aws-s3:archive",
    ]);
  });

  it("leaves the alert unchanged when every output failed", async () => {
    const alert = alertOf();
    const store = new MemoryProcessorStore();
    store.put(alert);
    const [hose, chat] = [firehose(), slack()];
    hose.failuresLeft = 1;
    chat.failuresLeft = 1;
    const before = structuredClone(store.item(alert));
    const { processor } = processorWith({ store, services: [hose, chat] });
    expect((await processor.process(inlineEvent(alert))).table).toBe("unchanged");
    expect(store.item(alert)).toEqual(before);
  });

  it("never sends again to an output that already succeeded", async () => {
    const alert = alertOf({ outputsSent: ["slack:security"] });
    const store = new MemoryProcessorStore();
    store.put(alert);
    const [hose, chat] = [firehose(), slack()];
    const { processor } = processorWith({ store, services: [hose, chat] });
    const result = await processor.process(inlineEvent(alert));
    expect(Object.keys(result.outputs)).toEqual(["aws-firehose:alerts"]);
    expect(chat.requests).toHaveLength(0);
    expect(result.table).toBe("deleted");
  });

  it("sends a merge candidate to the Firehose only and keeps it for merging", async () => {
    const alert = mergeCandidate({ outputsSent: [] });
    const store = new MemoryProcessorStore();
    store.put(alert);
    const [hose, chat] = [firehose(), slack()];
    const { processor } = processorWith({ store, services: [hose, chat] });
    expect((await processor.process(inlineEvent(alert))).table).toBe("updated");
    expect(chat.requests).toHaveLength(0);
    expect(fromItem(store.item(alert) ?? {}).outputsSent).toEqual(["aws-firehose:alerts"]);
  });

  it("loads the alert by its key with a consistent read when only the key came", async () => {
    const alert = alertOf({ record: { blob: "x".repeat(200_000) } });
    const store = new MemoryProcessorStore();
    store.put(alert);
    const [hose, chat] = [firehose(), slack()];
    const { processor } = processorWith({ store, services: [hose, chat] });
    const result = await processor.process({ RuleName: alert.ruleName, AlertID: alert.alertId });
    expect(store.gets).toBe(1);
    expect(result.table).toBe("deleted");
    expect(chat.requests[0].alert.record).toEqual(alert.record);
  });

  it.each([
    [{ RuleName: "gone", AlertID: "x" }, "not-found"],
    [{ something: "else" }, "invalid"],
    [
      { RuleName: "r", AlertID: "x", Record: "not json", Created: "2026-01-01T00:00:00Z" },
      "invalid",
    ],
  ])("reports %j as %s without sending anything", async (event, table) => {
    const { processor } = processorWith();
    expect(await processor.process(event)).toEqual({ outputs: {}, table });
  });

  it("drops streamalert_normalization from the record before any output sees it", async () => {
    const alert = alertOf({
      record: { user: "alice", streamalert_normalization: { user: [{ values: ["alice"] }] } },
    });
    const chat = slack();
    const { processor } = processorWith({ services: [firehose(), chat] });
    await processor.process(inlineEvent(alert));
    expect(chat.requests[0].alert.record).toEqual({ user: "alice" });
    expect(chat.requests[0].publication.record).toEqual({ user: "alice" });
  });

  it("applies the alert's publishers for that output only", async () => {
    const alert = alertOf({ publishers: { "slack:security": ["Summary"] } });
    const [hose, chat] = [firehose(), slack()];
    const { processor } = processorWith({ services: [hose, chat] });
    await processor.process(inlineEvent(alert));
    expect(chat.requests[0].publication["@slack.text"]).toBe("Rule triggered");
    expect(hose.requests[0].publication).toMatchObject({
      id: alert.alertId,
      rule_name: alert.ruleName,
    });
  });
});

describe("alert processor: failing outputs fail alone", () => {
  it.each<[string, Record<string, string>, RegExp]>([
    [
      "is missing",
      {},
      /credentials parameter \/acme\/streamalert\/outputs\/slack\/security does not exist/,
    ],
    [
      "is not JSON",
      { [SLACK_PARAMETER]: "url=x" },
      /\/acme\/streamalert\/outputs\/slack\/security is not a JSON object/,
    ],
    [
      "lacks a key",
      { [SLACK_PARAMETER]: '{"token":"s3cret"}' },
      /\/acme\/streamalert\/outputs\/slack\/security lacks url/,
    ],
  ])(
    "a credential that %s fails that output with the parameter's name",
    async (_case, parameters, message) => {
      const alert = alertOf();
      const store = new MemoryProcessorStore();
      store.put(alert);
      const [hose, chat] = [firehose(), slack()];
      const { processor } = processorWith({ store, services: [hose, chat], parameters });
      const result = await processor.process(inlineEvent(alert));
      expect(result.outputs["slack:security"].sent).toBe(false);
      expect(result.outputs["slack:security"].error).toMatch(message);
      expect(result.outputs["slack:security"].error).not.toContain("s3cret");
      expect(result.outputs["aws-firehose:alerts"].sent).toBe(true);
      expect(chat.requests).toHaveLength(0);
      expect(result.table).toBe("updated");
    },
  );

  it.each([
    ["slack:unknown", 'output "slack:unknown" is not configured in conf/outputs.json'],
    ["teams:security", 'output "teams:security" is not configured in conf/outputs.json'],
    ["pagerduty-v2:oncall", 'no output service "pagerduty-v2" is available'],
  ])("%s fails with a clear message", async (output, error) => {
    const alert = alertOf({ outputs: ["aws-firehose:alerts", output] });
    const { processor } = processorWith();
    const result = await processor.process(inlineEvent(alert));
    expect(result.outputs[output]).toEqual({ sent: false, error });
    expect(result.outputs["aws-firehose:alerts"].sent).toBe(true);
  });

  it("skips publisher names it does not know, as StreamAlert did", async () => {
    const alert = alertOf({ publishers: { "slack:security": ["no_such_publisher", "Summary"] } });
    const chat = slack();
    const { processor } = processorWith({ services: [firehose(), chat] });
    const result = await processor.process(inlineEvent(alert));
    expect(result.outputs["slack:security"].sent).toBe(true);
    expect(chat.requests[0].publication["@slack.text"]).toBe("Rule triggered");
  });

  it("fails only the output whose publisher throws", async () => {
    const explode = () => {
      throw new Error("publisher bug");
    };
    const alert = alertOf({ publishers: { "slack:security": ["explode"] } });
    const { processor } = processorWith({
      publisherModules: [{ file: "rules/publishers/bad.ts", exports: { explode } }],
    });
    const result = await processor.process(inlineEvent(alert));
    expect(result.outputs["slack:security"]).toEqual({ sent: false, error: "publisher bug" });
    expect(result.outputs["aws-firehose:alerts"].sent).toBe(true);
  });
});
