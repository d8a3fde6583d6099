import {
  formatConfigIssues,
  loadConfig,
  logTypesForResource,
} from "../../../functions/shared/config";

// The example configuration in conf/ with the project's schemas/: it must load cleanly, and each
// cluster must route its resources to the log types a team (and the rule test events) expect.
describe("the example conf/ with schemas/", () => {
  it("loads without errors or warnings", () => {
    const { warnings } = loadConfig("conf");

    expect(formatConfigIssues(warnings)).toBe("");
  });

  it.each([
    [
      "kinesis",
      "acme_prod_streamalert",
      ["cloudwatch:events", "osquery:differential", "ghe:general"],
    ],
    ["s3", "acme-prod-cloudtrail", ["cloudtrail:events"]],
    ["s3", "acme-prod-flow-logs", ["vpc_flow_logs:v2", "vpc_flow_logs:v5"]],
    ["sns", "acme_prod_alerts_in", ["binaryalert"]],
    ["streamalert_app", "acme_prod_duo_auth_app", ["duo:authentication"]],
    ["streamalert_app", "acme_prod_onelogin_events_app", ["onelogin:events"]],
  ] as const)("routes prod's %s %s to its log types", (service, resource, expected) => {
    const { config } = loadConfig("conf");

    expect(logTypesForResource(config, "prod", service, resource)).toEqual(
      expect.arrayContaining([...expected]),
    );
  });

  // The rule test events (rules/**/*.json) name these sources; they must classify.
  it.each([
    [
      "kinesis",
      "acme_corp_streamalert",
      ["okta:logevents", "gsuite:reports", "packetbeat:dns", "fleet:results"],
    ],
    ["streamalert_app", "acme_corp_duo_admin_app", ["duo:administrator"]],
  ] as const)("routes corp's %s %s to its log types", (service, resource, expected) => {
    const { config } = loadConfig("conf");

    expect(logTypesForResource(config, "corp", service, resource)).toEqual(
      expect.arrayContaining([...expected]),
    );
  });
});
