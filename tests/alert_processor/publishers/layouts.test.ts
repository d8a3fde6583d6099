import {
  AttachImage,
  as_custom_details,
  ShortenTitle,
  v2_high_urgency,
  v2_low_urgency,
} from "../../../functions/alert_processor/publishers/pagerduty-layout";
import {
  AttachFullRecord,
  AttachPublication,
  AttachRuleInfo,
  AttachStringTemplate,
  Summary,
  slackSummary,
} from "../../../functions/alert_processor/publishers/slack-layout";
import { type Alert, toPlainAlert } from "../../../functions/shared/alert";
import type { PublishedAlert } from "../../../functions/shared/rules/types";
import { alertOf } from "../../alert_merger/factories";

const DESCRIPTION = `Detects a console login without MFA.

author: Jane Doe
reference: https://example.com/a/long/path
  ?continued=yes
playbook: page the on-call`;

const plain = (overrides: Partial<Alert> = {}) =>
  toPlainAlert(
    alertOf({
      alertId: "alert-1",
      ruleName: "console_login_without_mfa",
      ruleDescription: DESCRIPTION,
      created: new Date("2026-03-01T12:00:00.000Z"),
      ...overrides,
    }),
  );

const attachments = (publication: PublishedAlert) =>
  publication["@slack.attachments"] as Array<Record<string, unknown>>;

describe("Slack layouts", () => {
  it("Summary replaces the publication with the rule's headline and keeps the old one", () => {
    const result = Summary(plain(), { id: "alert-1" });
    expect(result["@slack.text"]).toBe("Rule triggered");
    expect(result["@slack._previous_publication"]).toEqual({ id: "alert-1" });
    expect(attachments(result)[0]).toMatchObject({
      fallback: "Rule triggered: console_login_without_mfa",
      author_name: "Jane Doe",
      title: "console_login_without_mfa",
      title_link: "",
      text: "Detects a console login without MFA.",
      ts: Date.parse("2026-03-01T12:00:00Z") / 1000,
    });
  });

  it("slackSummary links the title to a search in the rules repository", () => {
    const summary = slackSummary({ repositoryUrl: "https://github.com/acme/alerts" });
    expect(attachments(summary(plain(), {}))[0].title_link).toBe(
      "https://github.com/acme/alerts/search?q=console_login_without_mfa+path%3Arules",
    );
  });

  it("AttachRuleInfo lists the description's fields, URLs glued back together", () => {
    const result = AttachRuleInfo(plain({ severity: "high" }), {});
    expect(attachments(result)[0].fields).toEqual([
      { title: "Reference", value: "https://example.com/a/long/path?continued=yes" },
      { title: "Playbook", value: "page the on-call" },
      { title: "Severity", value: "high" },
    ]);
  });

  it("AttachPublication shows the publication Summary replaced, escaped, only after Summary", () => {
    const alert = plain();
    expect(AttachPublication(alert, { a: 1 })).toEqual({ a: 1 });
    const result = AttachPublication(alert, Summary(alert, { b: "<x>", a: 1 }));
    expect(attachments(result)[1]).toEqual({
      color: "#00d1c1",
      title: "Alert Data:",
      text: '```\n{\n  "a": 1,\n  "b": "&lt;x&gt;"\n}\n```',
      mrkdwn_in: ["text"],
    });
  });

  it.each([
    [
      "fields of the publication",
      "User {record[user]} from {source_entity}",
      "User alice from prod_stream",
    ],
    ["literal braces", "{{not a field}}", "{not a field}"],
    ["a missing field", "{nope}", "&lt;missing: nope&gt;"],
  ])("AttachStringTemplate renders %s", (_case, template, text) => {
    const alert = plain({ context: { slack_message_template: template } });
    const result = AttachStringTemplate(alert, alert);
    expect(attachments(result)[0]).toEqual({ color: "#ffb400", text });
  });

  it("AttachStringTemplate says when the rule has no template", () => {
    expect(attachments(AttachStringTemplate(plain(), {}))[0].text).toBe("[MISSING TEMPLATE]");
  });

  it("AttachFullRecord cuts a long record on line boundaries under Slack's limit", () => {
    const record: Record<string, string> = {};
    for (let i = 0; i < 300; i++) record[`field_${String(i).padStart(3, "0")}`] = "v".repeat(40);
    const result = AttachFullRecord(plain({ record }), {});
    const parts = attachments(result);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(String(part.text).length).toBeLessThanOrEqual(4000);
    const joined = parts.map((part) => String(part.text).slice(5, -4)).join("");
    expect(JSON.parse(joined)).toEqual(record);
    expect(parts[0]).toMatchObject({ title: "Record", author: "prod_stream", fields: [] });
    expect(parts.at(-1)).toMatchObject({
      title: "",
      fields: [{ title: "Alert Id", value: "alert-1" }],
      footer: "via <https://console.aws.amazon.com/kinesis/home|kinesis>",
    });
  });
});

describe("PagerDuty layouts", () => {
  it("ShortenTitle titles every PagerDuty flavour with the rule name", () => {
    expect(ShortenTitle(plain(), {})).toEqual({
      "@pagerduty-v2.summary": "console_login_without_mfa",
      "@pagerduty-incident.incident_title": "console_login_without_mfa",
      "@pagerduty.description": "console_login_without_mfa",
    });
  });

  it("as_custom_details sends everything but PagerDuty's own keys as details", () => {
    const result = as_custom_details(plain(), { a: 1, "@pagerduty.description": "x" });
    expect(result["@pagerduty.details"]).toEqual({ a: 1 });
    expect(result["@pagerduty-v2.custom_details"]).toEqual({ a: 1 });
  });

  it.each([
    [v2_high_urgency, "critical", "high"],
    [v2_low_urgency, "warning", "low"],
  ])("%p sets severity and urgency", (publisher, severity, urgency) => {
    expect(publisher(plain(), {})).toEqual({
      "@pagerduty-v2.severity": severity,
      "@pagerduty-incident.urgency": urgency,
    });
  });

  it("AttachImage appends to images and contexts already set", () => {
    const result = AttachImage(plain(), { "@pagerduty-v2.images": [{ src: "first" }] });
    expect(result["@pagerduty-v2.images"]).toEqual([
      { src: "first" },
      {
        src: "https://streamalert.io/en/stable/_images/sa-banner.png",
        href: "https://streamalert.io/en/stable/",
        alt: "StreamAlert Docs",
      },
    ]);
    expect(result["@pagerduty.contexts"]).toEqual([
      { type: "image", src: "https://streamalert.io/en/stable/_images/sa-banner.png" },
    ]);
  });
});
