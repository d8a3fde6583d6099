import { rule } from "../../../functions/shared/rules";
import { listAt, objectAt } from "../../helpers/nested";

const POLICY_OFF = new Set([
  "policy.lifecycle.deactivate",
  "policy.lifecycle.delete",
  "policy.rule.deactivate",
  "policy.rule.delete",
]);

export const okta_policy_weakened = rule(
  {
    logs: ["okta:logevents"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556"],
    title: (rec) =>
      `Okta policy ${String(objectAt(listAt(rec, "target")[0]).displayName)}: ${String(rec.eventType)} by ${String(objectAt(rec, "actor").alternateId)}`,
    description:
      "An Okta sign-on, password or MFA policy (or one of its rules) was turned off or deleted.",
  },
  (rec) => POLICY_OFF.has(String(rec.eventType)),
);
