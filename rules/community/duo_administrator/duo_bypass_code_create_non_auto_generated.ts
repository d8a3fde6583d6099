import { rule, safeJsonParse } from "../../../functions/shared/rules";

export const duo_bypass_code_create_non_auto_generated = rule(
  {
    logs: ["duo:administrator"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556"],
    title: (rec) =>
      `Duo admin ${String(rec.username)} created a hand-picked (not auto-generated) bypass code for ${String(rec.object)}`,
    description: "A Duo bypass code was created by hand instead of being auto-generated.",
    runbook:
      "Confirm with the admin and the user that the bypass code was needed; revoke it otherwise.",
  },
  // `description` is a JSON string describing the bypass code
  (rec) =>
    rec.action === "bypass_create" && safeJsonParse(rec.description).auto_generated === false,
);
