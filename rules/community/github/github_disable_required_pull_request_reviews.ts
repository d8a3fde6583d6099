import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

/** Actors allowed to change this setting without an alert (e.g. automation). */
const ACTOR_IGNORELIST = new Set<string>();

export const github_disable_required_pull_request_reviews = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1562"],
    title: (rec) =>
      `GitHub: required pull request reviews disabled by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description:
      "The branch protection setting 'Require pull request reviews before merging' was disabled.",
  },
  (rec) =>
    rec.action === "protected_branch.dismissal_restricted_users_teams" &&
    objectAt(rec, "data").authorized_actors_only === true &&
    !ACTOR_IGNORELIST.has(String(rec.actor)),
);
