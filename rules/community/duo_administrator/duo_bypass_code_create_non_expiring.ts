import { rule, safeJsonParse } from "../../../functions/shared/rules";

export const duo_bypass_code_create_non_expiring = rule(
  {
    logs: ["duo:administrator"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556"],
    title: (rec) =>
      `Duo admin ${String(rec.username)} created a non-expiring bypass code for ${String(rec.object)}`,
    description: "A Duo bypass code was created that never expires.",
    runbook:
      "Confirm with the admin and the user that the bypass code was needed; revoke it otherwise.",
  },
  // `description` is a JSON string describing the bypass code
  (rec) => rec.action === "bypass_create" && safeJsonParse(rec.description).valid_secs == null,
);
