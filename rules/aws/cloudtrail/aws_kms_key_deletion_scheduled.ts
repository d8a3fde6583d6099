import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const KEY_LOSS_EVENTS = new Set(["ScheduleKeyDeletion", "DisableKey"]);

export const aws_kms_key_deletion_scheduled = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1485", "T1486"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `KMS key ${String(objectAt(event.requestParameters).keyId)}: ${String(event.eventName)} by ${actorOf(event)}`;
    },
    description:
      "A customer-managed KMS key was disabled or scheduled for deletion: data encrypted with " +
      "it becomes unreadable (destruction or ransom).",
    runbook: "Cancel the deletion (CancelKeyDeletion) or re-enable the key until confirmed.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return KEY_LOSS_EVENTS.has(event.eventName ?? "") && !event.errorCode;
  },
);
