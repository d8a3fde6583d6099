import {
  attach_full_record,
  attach_rule_info,
  populate_fields,
  summary,
} from "../../rules/publishers/alert-layout";
import { demisto_classification } from "../../rules/publishers/demisto";

const alert = (overrides: Record<string, unknown> = {}) => ({
  rule_name: "cloudtrail_root_account_usage",
  rule_description: "Root credentials used",
  log_type: "cloudwatch:events",
  source_entity: "acme_prod_streamalert",
  severity: "high",
  record: { detail: { eventName: "ListUsers", userIdentity: { userName: "root" } }, account: "1" },
  context: {},
  ...overrides,
});

describe("demisto_classification", () => {
  it("maps the rule context's demisto settings onto @demisto keys", () => {
    const published = demisto_classification(
      alert({ context: { demisto: { playbook: "Triage", severity: "high" } } }),
      { keep: 1 },
    );
    expect(published).toEqual({
      keep: 1,
      "@demisto.playbook": "Triage",
      "@demisto.severity": "high",
    });
  });

  it("leaves the publication alone without demisto settings", () => {
    const publication = { keep: 1 };
    expect(demisto_classification(alert(), publication)).toBe(publication);
  });
});

describe("alert layout publishers", () => {
  it("summary uses the title when there is one, else the rule name", () => {
    expect(summary(alert({ title: "Root used" }), {})["@summary"]).toBe(
      "Root used (cloudwatch:events from acme_prod_streamalert)",
    );
    expect(summary(alert(), {})["@summary"]).toContain(
      "Rule triggered: cloudtrail_root_account_usage",
    );
  });

  it("attach_rule_info and attach_full_record add without dropping earlier keys", () => {
    const published = attach_full_record(alert(), attach_rule_info(alert(), { earlier: true }));
    expect(published.earlier).toBe(true);
    expect(published["@rule_info"]).toEqual({
      name: "cloudtrail_root_account_usage",
      description: "Root credentials used",
      severity: "high",
      runbook: "",
    });
    expect(published.record).toEqual(alert().record);
  });

  it("populate_fields picks the listed fields at any depth, null when missing", () => {
    const published = populate_fields(
      alert({ context: { populate_fields: ["eventName", "userName", "bucketName"] } }),
      {},
    );
    expect(published["@populated_fields"]).toEqual({
      eventName: "ListUsers",
      userName: "root",
      bucketName: null,
    });
  });
});
