import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const LOGGING_STOPPED = new Set(["StopLogging", "DeleteTrail"]);

export const aws_cloudtrail_logging_stopped = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: [
      "slack:security-alerts",
      "aws-sns:security-oncall",
      "pagerduty-v2:security-high-urgency",
    ],
    severity: "critical",
    tags: ["T1562.008"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `CloudTrail ${String(objectAt(event.requestParameters).name)}: ${String(event.eventName)} by ${actorOf(event)}`;
    },
    description: "A CloudTrail trail was stopped or deleted: API activity is no longer recorded.",
    runbook: "Restart logging (StartLogging) at once, then find out who stopped it and why.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return LOGGING_STOPPED.has(event.eventName ?? "") && !event.errorCode;
  },
);
