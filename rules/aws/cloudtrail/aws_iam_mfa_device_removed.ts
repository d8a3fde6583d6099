import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const MFA_REMOVAL = new Set(["DeactivateMFADevice", "DeleteVirtualMFADevice"]);

export const aws_iam_mfa_device_removed = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1556.006"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `MFA device removed for ${String(objectAt(event.requestParameters).userName ?? actorOf(event))} by ${actorOf(event)}`;
    },
    description: "An IAM user's MFA device was deactivated or deleted.",
    runbook: "Confirm with the user (lost phone?) and make sure a new device is enrolled.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return MFA_REMOVAL.has(event.eventName ?? "") && !event.errorCode;
  },
);
