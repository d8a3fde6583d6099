import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";

const SECURITY_HUB_OFF = new Set([
  "DisableSecurityHub",
  "BatchDisableStandards",
  "DisassociateFromMasterAccount",
  "DisassociateFromAdministratorAccount",
  "DeleteInsight",
]);

export const aws_security_hub_disabled = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1562.001"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Security Hub weakened: ${String(event.eventName)} by ${actorOf(event)}`;
    },
    description: "Security Hub or one of its standards was disabled or detached.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventSource === "securityhub.amazonaws.com" &&
      SECURITY_HUB_OFF.has(event.eventName ?? "") &&
      !event.errorCode
    );
  },
);
