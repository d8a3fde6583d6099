import { rule } from "../../../functions/shared/rules";

export const github_oauth_application_create = rule(
  {
    logs: ["ghe:general"],
    outputs: ["slack:security-noise"],
    severity: "low",
    tags: ["T1528"],
    title: (rec) =>
      `GitHub: OAuth application registered by ${String(rec.actor)} (${String(rec.repo ?? rec.org ?? rec.user ?? "")})`,
    description: "An OAuth application was registered in GitHub.",
  },
  (rec) => rec.action === "oauth_application.create",
);
