import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const github_disable_required_status_checks = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1562"],
    title: (rec) =>
      `GitHub: required status checks disabled by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description: "Required status checks were turned off for a protected branch.",
  },
  (rec) =>
    rec.action === "protected_branch.update_required_status_checks_enforcement_level" &&
    objectAt(rec, "data").required_status_checks_enforcement_level === "0",
);
