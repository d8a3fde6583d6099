import { rule } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

export const osquery_authorized_keys_added = rule(
  {
    logs: ["osquery:differential"],
    matchers: ["osquery_added"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1098.004"],
    title: (rec) => {
      const columns = objectAt(rec, "columns");
      return `SSH key added to ${String(columns.key_file)} for uid ${String(columns.uid)} on ${String(rec.hostIdentifier)}`;
    },
    description:
      "A new key appeared in a user's authorized_keys file (osquery authorized_keys table).",
  },
  (rec) => String(rec.name).endsWith("authorized_keys"),
);
