import { createMemoryAlertWriter } from "../../functions/rules_engine/alert-writer";
import { createRulesEngine, type RulesEngineOptions } from "../../functions/rules_engine/engine";
import type { MetricsSink } from "../../functions/rules_engine/metrics";
import { createStaticRuleStaging } from "../../functions/rules_engine/rule-staging";
import { createStaticLookupTableReader } from "../../functions/shared/lookup-tables";
import { lookupTables } from "../../functions/shared/rules/lookup-tables";
import { matcher, type Rule, rule } from "../../functions/shared/rules/types";
import { classified, message, normalized, registryOf } from "./factories";

const silentLogger = { error: jest.fn(), warn: jest.fn(), info: jest.fn(), debug: jest.fn() };

function setup(rules: Record<string, Rule>, options: Partial<RulesEngineOptions> = {}) {
  const writer = createMemoryAlertWriter();
  const counts: Array<[string, number, Record<string, string> | undefined]> = [];
  const metrics: MetricsSink = {
    count: (name, value, dimensions) => counts.push([name, value, dimensions]),
  };
  const engine = createRulesEngine({
    registry: registryOf(rules, { is_prod: matcher((record) => record.account === "prod") }),
    alertWriter: writer,
    metrics,
    logger: silentLogger,
    ...options,
  });
  const run = async (...records: ReturnType<typeof classified>[]) => {
    const result = await engine.processMessages([message("m1", records)]);
    return { result, alerts: writer.alerts, fired: writer.alerts.map((alert) => alert.ruleName) };
  };
  return { engine, writer, counts, run };
}

describe("rule evaluation", () => {
  it("requires subkeys to exist as objects before running the rule", async () => {
    const fn = jest.fn(() => true);
    const { run } = setup({
      needs_identity: rule(
        { logs: ["cloudtrail:events"], reqSubkeys: { userIdentity: ["type"] } },
        fn,
      ),
    });
    const { fired } = await run(
      classified({ userIdentity: { type: "Root" } }),
      classified({ userIdentity: null }),
      classified({ userIdentity: { arn: "x" } }),
      classified({ userIdentity: ["type"] }),
    );
    expect(fired).toEqual(["needs_identity"]);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("runs the rule only when every matcher passes (named and inline)", async () => {
    const { run } = setup({
      prod_root: rule(
        { logs: ["cloudtrail:events"], matchers: ["is_prod", (record) => record.user === "root"] },
        () => true,
      ),
    });
    const { fired } = await run(
      classified({ account: "prod", user: "root" }),
      classified({ account: "dev", user: "root" }),
      classified({ account: "prod", user: "bob" }),
    );
    expect(fired).toEqual(["prod_root"]);
  });

  it("isolates and counts exceptions per rule; other rules still alert", async () => {
    const { run, counts } = setup({
      broken: rule(
        { logs: ["cloudtrail:events"] },
        (record) => (record.missing as { x: number }).x > 1,
      ),
      broken_matcher: rule(
        {
          logs: ["cloudtrail:events"],
          matchers: [
            () => {
              throw new Error("boom");
            },
          ],
        },
        () => true,
      ),
      broken_async: rule({ logs: ["cloudtrail:events"] }, async () => {
        throw new Error("later");
      }),
      works: rule({ logs: ["cloudtrail:events"] }, () => true),
    });
    const { fired, result } = await run(classified({}), classified({}));
    expect(fired).toEqual(["works", "works"]);
    expect(result.batchItemFailures).toEqual([]);
    expect(counts).toEqual(
      expect.arrayContaining([
        ["RuleErrors", 2, { RuleName: "broken" }],
        ["RuleErrors", 2, { RuleName: "broken_matcher" }],
        ["RuleErrors", 2, { RuleName: "broken_async" }],
        ["TriggeredAlerts", 2, undefined],
      ]),
    );
    expect(silentLogger.error).toHaveBeenCalledWith(
      expect.stringContaining("Rule raised"),
      expect.objectContaining({ rule: "broken" }),
    );
  });

  it("runs a datatypes rule only on records carrying one of its types", async () => {
    const { run } = setup({ bad_ip: rule({ datatypes: ["sourceAddress"] }, () => true) });
    const { fired } = await run(
      classified(
        { ...normalized({ sourceAddress: ["1.2.3.4"] }) },
        { log_schema_type: "osquery:x" },
      ),
      classified({ ...normalized({ userName: ["bob"] }) }),
      classified({ sourceAddress: "not normalized" }),
    );
    expect(fired).toEqual(["bad_ip"]);
  });

  it("never runs disabled rules", async () => {
    const fn = jest.fn(() => true);
    const { fired } = await setup({
      off: rule({ logs: ["cloudtrail:events"], disabled: true }, fn),
    }).run(classified());
    expect(fired).toEqual([]);
    expect(fn).not.toHaveBeenCalled();
  });

  it("hands each call its own copy of the context", async () => {
    const seen: unknown[] = [];
    const { run } = setup({
      mutates: rule({ logs: ["cloudtrail:events"], context: { list: [1] } }, (_record, context) => {
        (context.list as number[]).push(2);
        seen.push(structuredClone(context));
        return true;
      }),
    });
    const { alerts } = await run(classified(), classified({ other: 1 }));
    expect(seen).toEqual([{ list: [1, 2] }, { list: [1, 2] }]);
    expect(alerts[0].context).toEqual({ list: [1] });
  });

  it("copies a context that is not plain JSON with its types intact", async () => {
    const since = new Date("2026-01-01T00:00:00Z");
    const seen: unknown[] = [];
    const { run } = setup({
      dated: rule({ logs: ["cloudtrail:events"], context: { since } }, (_record, context) => {
        seen.push(context.since);
        return true;
      }),
    });
    await run(classified());
    // structuredClone makes the Date in node's realm, not jest's: compare by tag and time
    expect(Object.prototype.toString.call(seen[0])).toBe("[object Date]");
    expect((seen[0] as Date).getTime()).toBe(since.getTime());
    expect(seen[0]).not.toBe(since);
  });

  it("awaits async rules (lookup tables)", async () => {
    const { run } = setup(
      {
        known_bad_user: rule(
          { logs: ["cloudtrail:events"] },
          async (record) =>
            (await lookupTables.get("bad_users", String(record.user), false)) === true,
        ),
      },
      { lookupTables: createStaticLookupTableReader({ bad_users: { mallory: true } }) },
    );
    const { fired } = await run(classified({ user: "mallory" }), classified({ user: "alice" }));
    expect(fired).toEqual(["known_bad_user"]);
  });
});

describe("alert contents", () => {
  const rules = {
    to_slack: rule(
      {
        logs: ["cloudtrail:events"],
        outputs: ["slack:security"],
        dynamicOutputs: [
          (record) => [String(record.team), "not an output", 42 as unknown as string],
          () => null,
          () => {
            throw new Error("dynamic broke");
          },
        ],
        publishers: { slack: ["publishers.slack.compact"] },
        severity: "high",
        title: (record) => `Root login by ${record.user}`,
        tags: ["T1078"],
        description: "root logged in",
        mergeByKeys: ["user"],
        mergeWindowMins: 10,
      },
      () => true,
    ),
  };

  it("sends to required ∪ rule ∪ dynamic outputs, keeping only service:descriptor strings", async () => {
    const { alerts } = await setup(rules).run(
      classified({ user: "root", team: "pagerduty:oncall" }),
    );
    expect(alerts[0]).toMatchObject({
      outputs: ["aws-firehose:alerts", "pagerduty:oncall", "slack:security"],
      publishers: { "slack:security": ["publishers.slack.compact"], "pagerduty:oncall": [] },
      severity: "high",
      title: "Root login by root",
      tags: ["T1078"],
      ruleDescription: "root logged in",
      mergeByKeys: ["user"],
      mergeWindowMins: 10,
      cluster: "prod",
      logSource: "cloudtrail:events",
      logType: "json",
      sourceEntity: "prod_stream",
      sourceService: "kinesis",
      staged: false,
    });
  });

  it("sends a staged rule's alerts only to the required output", async () => {
    const { alerts } = await setup(rules, {
      ruleStaging: createStaticRuleStaging(["to_slack"]),
    }).run(classified({ user: "root", team: "pagerduty:oncall" }));
    expect(alerts[0]).toMatchObject({
      outputs: ["aws-firehose:alerts"],
      staged: true,
      publishers: {},
    });
  });
});

describe("messages", () => {
  const rules = { any: rule({ logs: ["cloudtrail:events"] }, () => true) };

  it("logs and skips malformed bodies without failing them (redelivery cannot fix them)", async () => {
    const { engine, writer, counts } = setup(rules);
    const result = await engine.processMessages([
      { messageId: "bad-json", body: "{not json" },
      { messageId: "bad-entry", body: JSON.stringify([{ nope: 1 }, classified()]) },
      message("good", [classified({ n: 2 })]),
    ]);
    expect(result.batchItemFailures).toEqual([]);
    expect(result.malformedMessages).toBe(2);
    expect(writer.alerts).toHaveLength(2);
    expect(counts).toContainEqual(["MalformedMessages", 2, undefined]);
  });

  it("reports only the message whose alert could not be written", async () => {
    const writer = createMemoryAlertWriter();
    const failing: RulesEngineOptions["alertWriter"] = {
      async write(alerts) {
        const bad = alerts.filter((alert) => alert.record.fail === true);
        const result = await writer.write(alerts.filter((alert) => !bad.includes(alert)));
        return {
          ...result,
          failed: bad.map((alert) => ({ alert, error: new Error("throttled") })),
        };
      },
    };
    const { engine, counts } = setup(rules, { alertWriter: failing });
    const result = await engine.processMessages([
      message("ok-1", [classified({ a: 1 })]),
      message("broken", [classified({ a: 2 }), classified({ fail: true })]),
      message("ok-2", [classified({ a: 3 })]),
    ]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "broken" }]);
    expect(counts).toContainEqual(["FailedDynamoWrites", 1, undefined]);
  });

  it("gives identical records in one message distinct, stable alert ids", async () => {
    const { engine, writer } = setup(rules);
    const batch = [message("m", [classified({ line: "same" }), classified({ line: "same" })])];
    await engine.processMessages(batch);
    await engine.processMessages(batch);
    expect(writer.alerts).toHaveLength(2);
    expect(new Set(writer.alerts.map((alert) => alert.alertId)).size).toBe(2);
  });
});
