import { rule } from "../../../functions/shared/rules";

export const github_site_admin_user_promotion = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098"],
    title: (rec) =>
      `GitHub: user promoted to site admin by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description: "A GitHub Enterprise user account was promoted to site administrator.",
  },
  (rec) => rec.action === "user.promote",
);
