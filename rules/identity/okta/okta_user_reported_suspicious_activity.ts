import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const okta_user_reported_suspicious_activity = rule(
  {
    logs: ["okta:logevents"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1078"],
    title: (rec) =>
      `${String(objectAt(rec, "actor").alternateId)} reported suspicious activity on their Okta account`,
    description: "A user reported, from an Okta notification, activity they did not do.",
    runbook: "Clear the user's sessions, reset their password and factors, review the activity.",
  },
  (rec) => rec.eventType === "user.account.report_suspicious_activity_by_enduser",
);
