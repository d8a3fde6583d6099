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
