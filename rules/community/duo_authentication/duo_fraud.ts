import { rule } from "../../../functions/shared/rules";

export const duo_fraud = rule(
  {
    logs: ["duo:authentication"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1621"],
    title: (rec) =>
      `Duo push for ${String(rec.username)} reported as fraud (from ${String(rec.ip)})`,
    description:
      "A user marked a Duo authentication request as fraudulent: someone else has their password.",
    runbook: "Reset the user's password, review recent logins from the reported IP.",
  },
  (rec) => rec.result === "FRAUD",
);
