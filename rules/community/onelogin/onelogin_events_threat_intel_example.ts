import { hasIoc, rule } from "../../../functions/shared/rules";

/**
 * Disabled example: needs threat intel enabled in conf/threat_intel.json and for the cluster
 * (`enable_threat_intel`). Its test event supplies the intel as a fixture.
 */
export const onelogin_events_threat_intel_example = rule(
  {
    logs: ["onelogin:events"],
    disabled: true,
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1078"],
    title: (rec) => `OneLogin activity from a known-malicious IP ${String(rec.ipaddr)}`,
    description: "OneLogin activity from an IP address listed in threat intel.",
  },
  (rec) => hasIoc(rec, "ip"),
);
