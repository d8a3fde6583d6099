import { rule } from "../../../functions/shared/rules";

export const github_disable_dismiss_stale_pull_request_approvals = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1562"],
    title: (rec) =>
      `GitHub: 'Dismiss stale pull request approvals' disabled by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description:
      "The branch protection setting 'Dismiss stale pull request approvals when new commits are pushed' was disabled: commits pushed after an approval no longer need approval.",
  },
  (rec) => rec.action === "protected_branch.dismiss_stale_reviews",
);
