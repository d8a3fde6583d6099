import { rule } from "../../../functions/shared/rules";
import { applicationOf, eventsOf, parameter } from "../../helpers/gsuite";
import { objectAt } from "../../helpers/nested";

const ROLE_GRANTS = new Set([
  "ASSIGN_ROLE",
  "GRANT_ADMIN_PRIVILEGE",
  "GRANT_DELEGATED_ADMIN_PRIVILEGES",
]);

export const gsuite_admin_role_granted = rule(
  {
    logs: ["gsuite:reports"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098.003"],
    title: (rec) => {
      const grant = eventsOf(rec).find((event) => ROLE_GRANTS.has(event.name ?? ""));
      const who = grant ? parameter(grant, "USER_EMAIL") : undefined;
      const role = grant ? parameter(grant, "ROLE_NAME") : undefined;
      return `Google admin role ${String(role ?? "")} granted to ${String(who)} by ${String(objectAt(rec, "actor").email)}`;
    },
    description: "A Google Workspace administrator role was granted.",
  },
  (rec) =>
    applicationOf(rec) === "admin" &&
    eventsOf(rec).some((event) => ROLE_GRANTS.has(event.name ?? "")),
);
