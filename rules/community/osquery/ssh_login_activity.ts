import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const ssh_login_activity = rule(
  {
    logs: ["osquery:differential"],
    matchers: ["osquery_added", "osquery_user_login"],
    outputs: ["slack:security-noise"],
    severity: "info",
    tags: ["T1021.004"],
    title: (rec) => {
      const columns = objectAt(rec, "columns");
      return `SSH login by ${String(columns.username)} on ${String(rec.hostIdentifier)} from ${String(columns.host)}`;
    },
    description:
      "A user logged in to a Linux host, seen by the `last` query of osquery's incident-response " +
      "pack (see the osquery_user_login matcher).",
  },
  () => true,
);
