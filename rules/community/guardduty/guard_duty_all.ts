import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const guard_duty_all = rule(
  {
    logs: ["cloudwatch:events", "guardduty:findings"],
    matchers: ["guard_duty"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    title: (rec) => {
      const finding = objectAt(rec, "detail");
      return `GuardDuty ${String(finding.type)} (severity ${String(finding.severity)}) in ${String(rec.account)}`;
    },
    description: "Any GuardDuty finding.",
    runbook:
      "Identify the account and affected resources, then contact the account's owner. Test " +
      "with 'Generate sample findings' in the GuardDuty console.",
  },
  () => true,
);
