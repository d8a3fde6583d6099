import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const LOG_DELETION = new Set(["DeleteLogGroup", "DeleteLogStream", "PutRetentionPolicy"]);
/** Retention this short destroys evidence before anyone looks. */
const MIN_RETENTION_DAYS = 30;

export const aws_cloudwatch_log_group_deleted = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1070"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `${String(event.eventName)} on log group ${String(objectAt(event.requestParameters).logGroupName)} by ${actorOf(event)}`;
    },
    description:
      "A CloudWatch log group or stream was deleted, or its retention cut below 30 days.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    if (event.eventSource !== "logs.amazonaws.com" || event.errorCode) return false;
    if (!LOG_DELETION.has(event.eventName ?? "")) return false;
    if (event.eventName !== "PutRetentionPolicy") return true;
    const days = Number(objectAt(event.requestParameters).retentionInDays);
    return Number.isFinite(days) && days < MIN_RETENTION_DAYS;
  },
);
