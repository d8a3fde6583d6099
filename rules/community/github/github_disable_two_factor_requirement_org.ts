import { rule } from "../../../functions/shared/rules";

export const github_disable_two_factor_requirement_org = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1556"],
    title: (rec) =>
      `GitHub: two-factor requirement disabled for an organization by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description: "The organization no longer requires two-factor authentication of its members.",
  },
  (rec) => rec.action === "org.disable_two_factor_requirement",
);
