import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const okta_api_token_created = rule(
  {
    logs: ["okta:logevents"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1098.001"],
    title: (rec) => `Okta API token created by ${String(objectAt(rec, "actor").alternateId)}`,
    description: "An Okta API token was created: it acts with its creator's admin rights.",
  },
  (rec) =>
    rec.eventType === "system.api_token.create" && objectAt(rec, "outcome").result === "SUCCESS",
);
