import { mergeToFit } from "../../functions/alert_merger/fit-item-size";
import { mergeAlerts } from "../../functions/alert_merger/merged-alert";
import { commonPart, difference } from "../../functions/alert_merger/merged-record";
import { EPOCH } from "../../functions/shared/alert";
import { mergeCandidate, minutes } from "./factories";

describe("mergeAlerts", () => {
  const first = mergeCandidate({
    alertId: "a1",
    created: minutes(0, new Date("2026-03-01T12:00:00.123Z")),
    mergeByKeys: ["user"],
    outputs: ["aws-firehose:alerts", "slack:security"],
    context: { team: "red" },
    record: {
      detail: { user: "alice", event: "login", geo: { country: "NL", city: "Delft" } },
      source_ip: "10.0.0.1",
      streamalert_normalization: { streamalert_record_id: "random-1" },
    },
    severity: "medium",
    title: "Suspicious login by alice",
  });
  const second = mergeCandidate({
    alertId: "a2",
    created: minutes(4, new Date("2026-03-01T12:00:00.123Z")),
    mergeByKeys: ["user"],
    outputs: ["aws-firehose:alerts", "pagerduty-v2:oncall"],
    context: { team: "blue" },
    record: {
      detail: { user: "alice", event: "login", geo: { country: "NL", city: "Leiden" } },
      source_ip: "10.0.0.2",
      extra: [1, 2],
      streamalert_normalization: { streamalert_record_id: "random-2" },
    },
    severity: "high",
  });

  it("builds StreamAlert's merged record exactly", () => {
    const merged = mergeAlerts([second, first], minutes(30));
    expect(merged.record).toEqual({
      AlertCount: 2,
      AlertTimeFirst: "2026-03-01T12:00:00.123000Z",
      AlertTimeLast: "2026-03-01T12:04:00.123000Z",
      MergedBy: { user: "alice" },
      OtherCommonKeys: { detail: { event: "login", geo: { country: "NL" } } },
      ValueDiffs: {
        "2026-03-01T12:00:00.123000Z": {
          detail: { geo: { city: "Delft" } },
          source_ip: "10.0.0.1",
        },
        "2026-03-01T12:04:00.123000Z": {
          detail: { geo: { city: "Leiden" } },
          source_ip: "10.0.0.2",
          extra: [1, 2],
        },
      },
    });
  });

  it("is a new, plain alert: union of outputs, contexts by member id, nothing sent yet", () => {
    const now = minutes(30);
    const merged = mergeAlerts([second, first], now);
    expect(merged).toMatchObject({
      ruleName: first.ruleName,
      attempts: 0,
      created: now,
      dispatched: EPOCH,
      mergeByKeys: [],
      mergeWindowMins: 0,
      outputs: ["aws-firehose:alerts", "pagerduty-v2:oncall", "slack:security"],
      outputsSent: [],
      context: { a1: { team: "red" }, a2: { team: "blue" } },
      severity: "high",
      title: "Suspicious login by alice",
    });
  });

  it("derives its id from the members, in any order", () => {
    const id = mergeAlerts([first, second], minutes(30)).alertId;
    expect(mergeAlerts([second, first], minutes(31)).alertId).toBe(id);
    expect(mergeAlerts([first], minutes(30)).alertId).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('shows "(n/a)" for a merge key no record has', () => {
    const a = mergeCandidate({ mergeByKeys: ["user"], record: { x: 1 } });
    const b = mergeCandidate({ mergeByKeys: ["user"], record: { x: 2 }, created: minutes(1) });
    expect(mergeAlerts([a, b], minutes(30)).record.MergedBy).toEqual({ user: "(n/a)" });
  });

  it("keeps both diffs of alerts created in the same millisecond", () => {
    const a = mergeCandidate({ alertId: "x1", record: { user: "u", n: 1 } });
    const b = mergeCandidate({ alertId: "x2", record: { user: "u", n: 2 } });
    const diffs = mergeAlerts([a, b], minutes(30)).record.ValueDiffs;
    expect(diffs).toEqual({
      "2026-03-01T12:00:00.000000Z": { n: 1 },
      "2026-03-01T12:00:00.000000Z #2": { n: 2 },
    });
  });
});

describe("commonPart and difference", () => {
  it.each([
    ["one record is its own common part", [{ a: 1 }], { a: 1 }],
    ["no records", [], {}],
    ["equal lists are common", [{ l: [1, 2] }, { l: [1, 2] }], { l: [1, 2] }],
    ["lists are compared whole", [{ l: [1, 2] }, { l: [1, 3] }], {}],
    ["an object in one record, a string in another", [{ o: { a: 1 } }, { o: "x" }], {}],
    ["a key missing from one record", [{ a: 1, b: 2 }, { a: 1 }], { a: 1 }],
  ])("%s", (_case, records, common) => {
    expect(commonPart(records)).toEqual(common);
  });

  it("returns the whole record when nothing is common", () => {
    expect(difference({}, { a: 1 })).toEqual({ a: 1 });
  });
});

describe("mergeToFit", () => {
  it("splits a group whose merged item would be too large to store, in creation order", () => {
    const members = Array.from({ length: 8 }, (_, index) =>
      mergeCandidate({
        alertId: `big${index}`,
        created: minutes(index),
        record: { user: "u", blob: `${index}`.repeat(50_000) },
      }),
    );
    const parts = mergeToFit(members, minutes(30), 180_000);
    expect(parts.map((part) => part.members.map((member) => member.alertId))).toEqual([
      ["big0", "big1"],
      ["big2", "big3"],
      ["big4", "big5"],
      ["big6", "big7"],
    ]);
    for (const part of parts) expect(part.merged.record.AlertCount).toBe(2);
  });

  it("keeps a group that fits whole", () => {
    const members = [mergeCandidate(), mergeCandidate({ created: minutes(1) })];
    expect(mergeToFit(members, minutes(30))).toHaveLength(1);
  });
});
