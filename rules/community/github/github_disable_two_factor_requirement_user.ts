import { rule } from "../../../functions/shared/rules";

export const github_disable_two_factor_requirement_user = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556"],
    title: (rec) =>
      `GitHub: two-factor authentication disabled by a user by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description: "A user turned off two-factor authentication for their account.",
  },
  (rec) => rec.action === "two_factor_authentication.disabled",
);
