import { rule, startsWithAny } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const guardduty_credential_exfiltration = rule(
  {
    logs: ["cloudwatch:events", "guardduty:findings"],
    matchers: ["guard_duty"],
    outputs: [
      "slack:security-alerts",
      "aws-sns:security-oncall",
      "pagerduty-v2:security-high-urgency",
    ],
    severity: "critical",
    tags: ["T1552.005"],
    title: (rec) =>
      `Instance credentials used outside AWS: ${String(objectAt(rec, "detail").type)} in ${String(rec.account)}`,
    description:
      "GuardDuty saw an EC2 instance role's temporary credentials used from outside the " +
      "instance (stolen through SSRF or a compromised host).",
    runbook: "Revoke the role's active sessions and find how the metadata service was reached.",
  },
  (rec) =>
    startsWithAny(objectAt(rec, "detail").type, [
      "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration",
    ]),
);
