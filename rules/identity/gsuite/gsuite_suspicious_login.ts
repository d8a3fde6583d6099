import { rule } from "../../../functions/shared/rules";
import { applicationOf, eventsOf } from "../../helpers/gsuite";
import { objectAt } from "../../helpers/nested";

const SUSPICIOUS = new Set([
  "suspicious_login",
  "suspicious_login_less_secure_app",
  "suspicious_programmatic_login",
  "gov_attack_warning",
  "account_disabled_hijacked",
]);

export const gsuite_suspicious_login = rule(
  {
    logs: ["gsuite:reports"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1078"],
    title: (rec) => {
      const names = eventsOf(rec)
        .map((event) => event.name)
        .filter((name) => SUSPICIOUS.has(name ?? ""));
      return `Google flagged ${names.join(", ")} for ${String(objectAt(rec, "actor").email)} from ${String(rec.ipAddress)}`;
    },
    description:
      "Google flagged a sign-in as suspicious, warned of a government-backed attack, or " +
      "disabled an account as hijacked.",
  },
  (rec) =>
    applicationOf(rec) === "login" &&
    eventsOf(rec).some((event) => SUSPICIOUS.has(event.name ?? "")),
);
