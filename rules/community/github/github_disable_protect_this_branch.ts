import { rule } from "../../../functions/shared/rules";

export const github_disable_protect_this_branch = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1562"],
    title: (rec) =>
      `GitHub: branch protection removed by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description:
      "Branch protection was turned off for a branch, which also drops required reviews, code-owner review and status checks.",
  },
  (rec) => rec.action === "protected_branch.destroy",
);
