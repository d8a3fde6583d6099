import {
  alertCountStatement,
  alertListingStatement,
  countsFromRows,
  partitionHour,
} from "../../functions/rule_promotion/alert-queries";
import { durationText, formatDigest } from "../../functions/rule_promotion/digest";
import { isDigestInvocation } from "../../functions/rule_promotion/digest-trigger";
import { type StagedRule, stagedRulesOf } from "../../functions/rule_promotion/staged-rules-table";

const rule = (ruleName: string, stagedAt: string, stagedUntil: string): StagedRule => ({
  ruleName,
  stagedAt: new Date(stagedAt),
  stagedUntil: new Date(stagedUntil),
  stagedUntilText: stagedUntil,
});

describe("alert statements", () => {
  const a = rule("cloudtrail_root_login", "2024-03-05T07:59:00Z", "2024-03-07T07:59:00Z");
  const b = rule("o'brien_rule", "2024-03-06T23:00:00Z", "2024-03-08T23:00:00Z");

  it("counts every staged rule's alerts from its staging hour, in one statement", () => {
    expect(alertCountStatement([a, b])).toBe(
      "SELECT rule_name, count(*) AS count FROM alerts WHERE (dt >= '2024-03-05-07' AND rule_name = 'cloudtrail_root_login') OR (dt >= '2024-03-06-23' AND rule_name = 'o''brien_rule') GROUP BY rule_name",
    );
  });

  it("lists one rule's alerts newest first", () => {
    expect(alertListingStatement(a)).toBe(
      "SELECT alert_id, rule_name, created, cluster, log_source, source_entity, record FROM alerts WHERE (dt >= '2024-03-05-07' AND rule_name = 'cloudtrail_root_login') ORDER BY created DESC",
    );
  });

  it("gives rules without a result row a count of 0 and ignores rows of other rules", () => {
    const counts = countsFromRows(
      [a, b],
      [
        { rule_name: "o'brien_rule", count: "3" },
        { rule_name: "not_staged", count: "9" },
      ],
    );
    expect([...counts]).toEqual([
      ["cloudtrail_root_login", 0],
      ["o'brien_rule", 3],
    ]);
  });

  it.each([
    ["2024-01-01T00:00:00Z", "2024-01-01-00"],
    ["2024-12-31T23:59:59.999Z", "2024-12-31-23"],
  ])("partition hour of %s is %s", (time, hour) => {
    expect(partitionHour(new Date(time))).toBe(hour);
  });
});

describe("stagedRulesOf", () => {
  it("keeps staged rules with a readable StagedUntil, sorted by name", () => {
    const invalid: string[] = [];
    const rules = stagedRulesOf(
      [
        {
          RuleName: "z",
          Staged: true,
          StagedAt: "2024-01-01T00:00:00Z",
          StagedUntil: "2024-01-03T00:00:00Z",
        },
        { RuleName: "a", Staged: true, StagedUntil: "2024-01-03T00:00:00Z" },
        { RuleName: "off", Staged: false, StagedUntil: "2024-01-03T00:00:00Z" },
        { RuleName: "bad", Staged: true, StagedUntil: "soon" },
      ],
      (name) => invalid.push(name),
    );
    expect(rules.map((r) => r.ruleName)).toEqual(["a", "z"]);
    // no StagedAt: counted over the 48 hours before StagedUntil
    expect(rules[0].stagedAt.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(invalid).toEqual(["bad"]);
  });
});

describe("formatDigest", () => {
  const now = new Date("2024-03-07T12:00:00Z");
  const pending = rule("pending_rule", "2024-03-06T12:00:00Z", "2024-03-08T13:30:00Z");
  const noisy = rule("noisy_rule", "2024-03-04T12:00:00Z", "2024-03-06T12:00:00Z");

  it("lists the rules with the most alerts first, with links to their alerts", () => {
    const digest = formatDigest(
      [
        { rule: pending, alertCount: 0, promoted: false },
        { rule: noisy, alertCount: 4, promoted: false, listingExecutionId: "exec-1" },
      ],
      now,
      "us-east-1",
    );
    expect(digest.subject).toBe("Alert statistics for 2 staged rule(s) [2024-03-07 12:00:00 UTC]");
    expect(digest.message.indexOf("noisy_rule")).toBeLessThan(
      digest.message.indexOf("pending_rule"),
    );
    expect(digest.message).toContain(
      "https://console.aws.amazon.com/athena/home?region=us-east-1#query/history/exec-1",
    );
    expect(digest.message).toMatch(/Time past staging: +1d 0h 0m/);
    expect(digest.message).toMatch(/Remaining stage time: 1d 1h 30m/);
    expect(digest.message).toMatch(/Alert count: +4/);
  });

  it("says so when nothing is staged", () => {
    expect(formatDigest([], now, "us-east-1").message).toBe(
      "No currently staged rules to report on",
    );
  });

  it.each([
    ["2024-01-01T00:00:00Z", "2024-01-01T00:59:59Z", "0d 0h 59m"],
    ["2024-01-03T05:07:00Z", "2024-01-01T00:00:00Z", "2d 5h 7m"],
  ])("duration between %s and %s is %s", (from, to, text) => {
    expect(durationText(new Date(from), new Date(to))).toBe(text);
  });
});

describe("isDigestInvocation", () => {
  const fn = "acme_streamalert_rule_promotion";
  const scheduled = (rule: string) => ({
    "detail-type": "Scheduled Event",
    source: "aws.events",
    resources: [`arn:aws:events:us-east-1:123456789012:rule/${rule}`],
  });

  it.each([
    ["the digest schedule", scheduled(`${fn}_digest`), true],
    ["the promotion schedule", scheduled(`${fn}_schedule`), false],
    ["another function's digest", scheduled("other_fn_digest"), false],
    ["StreamAlert's manual event", { send_digest: true }, true],
    ["send_digest false", { send_digest: false }, false],
    ["no event", null, false],
  ])("%s", (_, event, expected) => {
    expect(isDigestInvocation(event, fn)).toBe(expected);
  });
});
