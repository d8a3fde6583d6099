import { rule, safeJsonParse } from "../../../functions/shared/rules";

export const duo_bypass_code_create_unlimited_use = rule(
  {
    logs: ["duo:administrator"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556"],
    title: (rec) =>
      `Duo admin ${String(rec.username)} created an unlimited-use bypass code for ${String(rec.object)}`,
    description: "A Duo bypass code was created that can be used any number of times.",
    runbook:
      "Confirm with the admin and the user that the bypass code was needed; revoke it otherwise.",
  },
  // `description` is a JSON string describing the bypass code
  (rec) => rec.action === "bypass_create" && safeJsonParse(rec.description).remaining_uses == null,
);
