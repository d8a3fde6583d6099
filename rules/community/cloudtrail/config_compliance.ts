import { rule } from "../../../functions/shared/rules";
import { listAt, objectAt } from "../../helpers/nested";

/** Config rule names to alert on; empty means every rule (some Config rules are very noisy). */
const RULES_TO_ALERT_ON = new Set<string>();

export const config_compliance = rule(
  {
    logs: ["cloudtrail:events"],
    matchers: ["aws_config_compliance"],
    outputs: ["slack:security-noise"],
    severity: "low",
    tags: [],
    title: (rec) =>
      `AWS Config rule ${String(objectAt(rec, "additionalEventData").configRuleName ?? "")} found a non-compliant resource`,
    description: "AWS Config reported a NON_COMPLIANT evaluation.",
    runbook: "Open the Config rule in the console, find the resource and fix or except it.",
  },
  (rec) => {
    const nonCompliant = listAt(rec, "requestParameters", "evaluations").some(
      (evaluation) => objectAt(evaluation).complianceType === "NON_COMPLIANT",
    );
    if (RULES_TO_ALERT_ON.size === 0) return nonCompliant;
    const configRule = String(objectAt(rec, "additionalEventData").configRuleName);
    return nonCompliant && RULES_TO_ALERT_ON.has(configRule);
  },
);
