import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

/** GuardDuty's own scale: 7.0–8.9 high, 9.0+ critical. */
const HIGH_SEVERITY = 7;

export const guardduty_high_severity_finding = rule(
  {
    logs: ["cloudwatch:events", "guardduty:findings"],
    matchers: ["guard_duty"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: [],
    title: (rec) => {
      const finding = objectAt(rec, "detail");
      return `High-severity GuardDuty finding ${String(finding.type)} (${String(finding.severity)}) in ${String(rec.account)}`;
    },
    description: "A GuardDuty finding of high severity (7 or more).",
    runbook: "Follow GuardDuty's remediation guide for the finding type.",
  },
  (rec) => Number(objectAt(rec, "detail").severity) >= HIGH_SEVERITY,
);
