import { rule } from "../../../functions/shared/rules";
import { applicationOf, eventsOf, parameter } from "../../helpers/gsuite";
import { objectAt } from "../../helpers/nested";

export const gsuite_2sv_disabled = rule(
  {
    logs: ["gsuite:reports"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1556"],
    title: (rec) =>
      `Google 2-step verification turned off (${String(applicationOf(rec))}) by ${String(objectAt(rec, "actor").email)}`,
    description:
      "A user turned off 2-step verification, or an admin stopped enforcing it for an " +
      "organizational unit.",
  },
  (rec) => {
    const app = applicationOf(rec);
    return eventsOf(rec).some((event) => {
      if (app === "login") return event.name === "2sv_disable";
      return (
        app === "admin" &&
        event.name === "ENFORCE_STRONG_AUTHENTICATION" &&
        String(parameter(event, "NEW_VALUE")) === "false"
      );
    });
  },
);
