import { rule, startsWithAny } from "../../../functions/shared/rules";

export const github_site_admin_action = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1078"],
    title: (rec) =>
      `GitHub: site admin action by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description:
      "A GitHub Enterprise site-admin tool was used (e.g. staff.fake_login: an admin signed in as another user).",
  },
  (rec) => startsWithAny(rec.action, ["staff."]),
);
