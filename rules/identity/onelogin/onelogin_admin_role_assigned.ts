import { rule } from "../../../functions/shared/rules";

/** OneLogin event type USER_ASSIGNED_ROLE. */
const USER_ASSIGNED_ROLE = 4;

export const onelogin_admin_role_assigned = rule(
  {
    logs: ["onelogin:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098.003"],
    title: (rec) =>
      `OneLogin role ${String(rec.role_name)} assigned to ${String(rec.user_name)} by ${String(rec.actor_user_name)}`,
    description: "A OneLogin role whose name says admin was assigned to a user.",
  },
  (rec) =>
    rec.event_type_id === USER_ASSIGNED_ROLE &&
    typeof rec.role_name === "string" &&
    /admin/i.test(rec.role_name),
);
