import { mergeAlerts } from "../../functions/alert_merger/merged-alert";
import { createAlertMerger } from "../../functions/alert_merger/merger";
import { type Alert, formatAlertTime, fromItem } from "../../functions/shared/alert";
import { alertOf, MemoryMergerTable, mergeCandidate, minutes, recordingInvoker } from "./factories";

const silent = { info: () => {}, warn: () => {}, error: () => {} };

function setup(alerts: Alert[], now: Date, processorTimeoutSec = 60) {
  const table = new MemoryMergerTable(alerts);
  const invoker = recordingInvoker();
  const merger = createAlertMerger({
    table,
    invoker,
    processorTimeoutSec,
    now: () => now,
    logger: silent,
  });
  const payloads = () =>
    invoker.payloads.map((text) => JSON.parse(text) as Record<string, unknown>);
  return { table, invoker, merger, payloads };
}

describe("alert merger: dispatch", () => {
  it("dispatches an alert with outputs left: attempts + 1, Dispatched = now, whole item", async () => {
    const alert = alertOf({ alertId: "a1", attempts: 2, dispatched: minutes(-5) });
    const now = minutes(0);
    const { table, merger, payloads } = setup([alert], now);
    const summary = await merger.run();
    expect(summary).toMatchObject({ rules: 1, dispatched: 1, errors: 0 });
    const stored = fromItem(table.item(alert.ruleName, "a1") ?? {});
    expect(stored.attempts).toBe(3);
    expect(stored.dispatched).toEqual(now);
    const [payload] = payloads();
    expect(payload).toMatchObject({
      RuleName: alert.ruleName,
      AlertID: "a1",
      Attempts: 3,
      Dispatched: formatAlertTime(now),
      Outputs: ["aws-firehose:alerts", "slack:security"],
    });
    expect(JSON.parse(String(payload.Record))).toEqual(alert.record);
  });

  it.each([
    ["never dispatched", new Date(0), true],
    ["dispatched longer ago than the processor timeout", minutes(-1.1), true],
    ["dispatched within the processor timeout (may still be running)", minutes(-0.5), false],
  ])("an alert %s is dispatched: %s", async (_case, dispatched, expected) => {
    const { merger, invoker } = setup([alertOf({ dispatched })], minutes(0), 60);
    await merger.run();
    expect(invoker.payloads).toHaveLength(expected ? 1 : 0);
  });

  it("sends a 200 KB alert by its key only, a small one whole", async () => {
    const big = alertOf({ alertId: "big", record: { blob: "x".repeat(200_000) } });
    const small = alertOf({ alertId: "small" });
    const { merger, payloads } = setup([big, small], minutes(0));
    await merger.run();
    const byId = new Map(payloads().map((payload) => [payload.AlertID, payload]));
    expect(byId.get("big")).toEqual({ RuleName: big.ruleName, AlertID: "big" });
    expect(byId.get("small")?.Record).toBeDefined();
  });

  it("does not invoke when another run dispatched the alert first", async () => {
    const { table, merger, invoker } = setup([alertOf({ alertId: "raced" })], minutes(0));
    table.failMarksFor.add("raced");
    expect(await merger.run()).toMatchObject({ dispatched: 0 });
    expect(invoker.payloads).toEqual([]);
  });

  it("deletes an alert sent everywhere that the processor did not delete", async () => {
    const done = alertOf({
      alertId: "done",
      outputsSent: ["aws-firehose:alerts", "slack:security"],
    });
    const { table, merger, invoker } = setup([done], minutes(0));
    expect(await merger.run()).toMatchObject({ deleted: 1 });
    expect(table.items.size).toBe(0);
    expect(invoker.payloads).toEqual([]);
  });

  it("keeps at most dispatchConcurrency invocations in flight and sends them all", async () => {
    const alerts = Array.from({ length: 40 }, () => alertOf());
    const table = new MemoryMergerTable(alerts);
    let inFlight = 0;
    let peak = 0;
    let calls = 0;
    const merger = createAlertMerger({
      table,
      invoker: {
        async invoke() {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inFlight--;
          calls++;
        },
      },
      processorTimeoutSec: 60,
      now: () => minutes(0),
      logger: silent,
      dispatchConcurrency: 4,
    });
    expect(await merger.run()).toMatchObject({ dispatched: 40 });
    expect(calls).toBe(40);
    expect(peak).toBe(4);
  });

  it("keeps going after an invoke fails, and counts the error", async () => {
    const table = new MemoryMergerTable([alertOf({ alertId: "a" }), alertOf({ alertId: "b" })]);
    let calls = 0;
    const merger = createAlertMerger({
      table,
      invoker: {
        async invoke() {
          calls++;
          if (calls === 1) throw new Error("throttled");
        },
      },
      processorTimeoutSec: 60,
      now: () => minutes(0),
      logger: silent,
    });
    expect(await merger.run()).toMatchObject({ dispatched: 1, errors: 1 });
  });
});

describe("alert merger: merging", () => {
  it("sends a new merge candidate only to the required Firehose first", async () => {
    const candidate = mergeCandidate({ alertId: "m1", outputsSent: [] });
    const { merger, payloads } = setup([candidate], minutes(0));
    await merger.run();
    expect(payloads()).toHaveLength(1);
    expect(payloads()[0].AlertID).toBe("m1");
  });

  it("waits while the window is open, then writes one merged alert and deletes the members", async () => {
    const members = [
      mergeCandidate({ alertId: "m1", created: minutes(0), record: { user: "bob", n: 1 } }),
      mergeCandidate({
        alertId: "m2",
        created: minutes(3),
        record: { user: "bob", n: 2 },
        outputs: ["aws-firehose:alerts", "pagerduty-v2:oncall"],
      }),
    ];
    const early = setup(members, minutes(9));
    expect(await early.merger.run()).toMatchObject({ merged: 0, dispatched: 0, deleted: 0 });

    const { table, merger, payloads } = setup(members, minutes(10));
    expect(await merger.run()).toMatchObject({ merged: 1, dispatched: 1, deleted: 2 });
    expect(table.items.size).toBe(1);
    const merged = fromItem([...table.items.values()][0]);
    expect(merged.outputs).toEqual([
      "aws-firehose:alerts",
      "pagerduty-v2:oncall",
      "slack:security",
    ]);
    expect(merged.record).toMatchObject({ AlertCount: 2, MergedBy: { user: "bob" } });
    expect(merged.attempts).toBe(1);
    expect(payloads()[0].AlertID).toBe(merged.alertId);
  });

  it("merges only members that finished sending to the Firehose", async () => {
    const sent = mergeCandidate({ alertId: "sent", created: minutes(0) });
    const unsent = mergeCandidate({ alertId: "unsent", created: minutes(1), outputsSent: [] });
    const { table, merger } = setup([sent, unsent], minutes(20));
    expect(await merger.run()).toMatchObject({ merged: 1, dispatched: 2 });
    expect(table.item(unsent.ruleName, "unsent")).toBeDefined();
    expect(table.item(sent.ruleName, "sent")).toBeUndefined();
  });

  it("does not write or send a merged alert twice when a run is repeated after a crash", async () => {
    const members = [mergeCandidate({ alertId: "m1" }), mergeCandidate({ alertId: "m2" })];
    // the crashed run wrote the merged alert but did not delete the members
    const written = mergeAlerts(members, minutes(20));
    const { table, merger, payloads } = setup([...members, written], minutes(21));
    expect(await merger.run()).toMatchObject({ errors: 0, deleted: 2 });
    expect([...table.items.keys()]).toHaveLength(1);
    expect(payloads().map((payload) => payload.AlertID)).toEqual([written.alertId]);
  });
});

describe("alert merger: send the first alert of a window at once", () => {
  const sendFirst = (overrides: Partial<Alert>) =>
    mergeCandidate({ mergeSendFirst: true, outputsSent: [], ...overrides });

  it("sends the first alert everywhere at once and the rest only to the Firehose", async () => {
    const first = sendFirst({ alertId: "s1", created: minutes(0) });
    const second = sendFirst({ alertId: "s2", created: minutes(2) });
    const { table, merger, payloads } = setup([first, second], minutes(3));
    await merger.run();
    expect(
      payloads()
        .map((payload) => payload.AlertID)
        .sort(),
    ).toEqual(["s1", "s2"]);
    expect(table.item(first.ruleName, "s1")?.MergeWindowOpener).toBe(true);
    expect(table.item(first.ruleName, "s2")?.MergeWindowOpener).toBeUndefined();
    const opener = payloads().find((payload) => payload.AlertID === "s1");
    expect(opener?.MergeWindowOpener).toBe(true);
  });

  it("merges the rest when the window closes and then removes the first alert", async () => {
    const opener = sendFirst({
      alertId: "s1",
      created: minutes(0),
      mergeWindowOpener: true,
      outputsSent: ["aws-firehose:alerts", "slack:security"],
    });
    const followers = [2, 4, 6].map((minute) =>
      sendFirst({
        alertId: `f${minute}`,
        created: minutes(minute),
        outputsSent: ["aws-firehose:alerts"],
      }),
    );
    const open = setup([opener, ...followers], minutes(8));
    expect(await open.merger.run()).toMatchObject({ merged: 0, deleted: 0, dispatched: 0 });

    const { table, merger } = setup([opener, ...followers], minutes(11));
    expect(await merger.run()).toMatchObject({ merged: 1, deleted: 4, dispatched: 1 });
    const merged = fromItem([...table.items.values()][0]);
    expect(merged.record).toMatchObject({ AlertCount: 3 });
  });

  it("keeps a fully sent first alert as the window's marker while the window is open", async () => {
    const opener = sendFirst({
      alertId: "s1",
      created: minutes(0),
      outputsSent: ["aws-firehose:alerts", "slack:security"],
    });
    const later = sendFirst({ alertId: "s2", created: minutes(5) });
    const { table, merger, payloads } = setup([opener, later], minutes(6));
    await merger.run();
    expect(table.item(opener.ruleName, "s1")).toBeDefined();
    // s2 falls in s1's window: a follower, not a second first alert
    expect(payloads().map((payload) => payload.AlertID)).toEqual(["s2"]);
    expect(payloads()[0].MergeWindowOpener).toBeUndefined();
  });

  it("opens a new window for an alert after the previous one closed", async () => {
    const opener = sendFirst({
      alertId: "s1",
      created: minutes(0),
      mergeWindowOpener: true,
      outputsSent: ["aws-firehose:alerts", "slack:security"],
    });
    const next = sendFirst({ alertId: "s2", created: minutes(12) });
    const { table, merger } = setup([opener, next], minutes(13));
    await merger.run();
    expect(table.item(opener.ruleName, "s1")).toBeUndefined();
    expect(table.item(opener.ruleName, "s2")?.MergeWindowOpener).toBe(true);
  });
});
