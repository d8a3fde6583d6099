import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

/** Disabled example: remove `disabled` to deploy it with a query that reports `bad_action`. */
export const fleet_bad_action = rule(
  {
    logs: ["fleet:results"],
    disabled: true,
    outputs: ["slack:security-noise"],
    severity: "low",
    title: (rec) => `Fleet: bad action on ${String(rec.hostIdentifier)}`,
    description: "A Fleet (osquery) query reported a user carrying out a bad action.",
    runbook: "Ask the user who made the change to confirm intent; link the ticket.",
  },
  // a result without the column counts as bad, as in StreamAlert
  (rec) => String(objectAt(rec, "columns").bad_action ?? "1") === "1",
);
