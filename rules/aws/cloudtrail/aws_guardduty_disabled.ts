import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const GUARDDUTY_OFF = new Set([
  "DeleteDetector",
  "DisassociateFromMasterAccount",
  "DisassociateFromAdministratorAccount",
  "StopMonitoringMembers",
  "DeleteMembers",
  "CreateFilter",
]);

export const aws_guardduty_disabled = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1562.001"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `GuardDuty weakened: ${String(event.eventName)} by ${actorOf(event)} in ${String(event.recipientAccountId)}`;
    },
    description:
      "GuardDuty was disabled, detached from the administrator account, stopped monitoring " +
      "members, or given a filter that auto-archives findings.",
    runbook: "Re-enable the detector or remove the filter; find who changed it.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    if (event.eventSource !== "guardduty.amazonaws.com" || event.errorCode) return false;
    const params = objectAt(event.requestParameters);
    if (event.eventName === "UpdateDetector") return params.enable === false;
    // filters only hide findings when they archive them
    if (event.eventName === "CreateFilter") return params.action === "ARCHIVE";
    return GUARDDUTY_OFF.has(event.eventName ?? "");
  },
);
