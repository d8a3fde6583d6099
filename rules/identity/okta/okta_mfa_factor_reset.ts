import { rule } from "../../../functions/shared/rules";
import { listAt, objectAt } from "../../helpers/nested";

const FACTOR_RESET = new Set(["user.mfa.factor.reset_all", "user.mfa.factor.deactivate"]);

export const okta_mfa_factor_reset = rule(
  {
    logs: ["okta:logevents"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556.006"],
    title: (rec) => {
      const target = objectAt(listAt(rec, "target")[0]).alternateId;
      return `Okta MFA factors reset for ${String(target)} by ${String(objectAt(rec, "actor").alternateId)}`;
    },
    description:
      "A user's Okta MFA factors were reset or deactivated: the next login can enroll an " +
      "attacker's device.",
    runbook: "Confirm the reset with the user through a second channel.",
  },
  (rec) => FACTOR_RESET.has(String(rec.eventType)) && objectAt(rec, "outcome").result === "SUCCESS",
);
