import { rule } from "../../../functions/shared/rules";
import { listAt, objectAt } from "../../helpers/nested";

const PRIVILEGE_GRANTS = new Set(["user.account.privilege.grant", "group.privilege.grant"]);

export const okta_admin_role_granted = rule(
  {
    logs: ["okta:logevents"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098.003"],
    title: (rec) => {
      const target = objectAt(listAt(rec, "target")[0]);
      return `Okta admin privileges granted to ${String(target.alternateId ?? target.displayName)} by ${String(objectAt(rec, "actor").alternateId)}`;
    },
    description: "An Okta administrator role was granted to a user or group.",
  },
  (rec) =>
    PRIVILEGE_GRANTS.has(String(rec.eventType)) && objectAt(rec, "outcome").result === "SUCCESS",
);
