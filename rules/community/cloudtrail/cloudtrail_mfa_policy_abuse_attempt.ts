import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";

/** IAM changes an attacker tries with stolen keys of a user assumed to be an admin. */
const IAM_ACTIONS = new Set([
  "CreateUser",
  "CreateAccessKey",
  "DetachUserPolicy",
  "DetachGroupPolicy",
  "RemoveUserFromGroup",
  "DeleteUserPolicy",
  "PutGroupPolicy",
  "PutUserPolicy",
]);

const MFA_DEVICE_EVENTS = new Set(["CreateVirtualMFADevice", "EnableMFADevice"]);

export const cloudtrail_mfa_policy_abuse_attempt = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1078.004", "T1556.006"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `${String(event.eventName)} without MFA by ${actorOf(event)}: possible abuse of leaked keys`;
    },
    description:
      "A call made without MFA that may abuse a flawed MFA-enforcement policy: removing an MFA " +
      "device, IAM changes, or a failed attempt to create or enable an MFA device (racing the " +
      "real user's next device swap). May indicate leaked access keys.",
    runbook:
      "Check whether it was a mistake; if not, rotate the access keys, review the principal's " +
      "recent CloudTrail activity and find how the keys leaked.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    // a session authenticated with MFA is not a leaked bare access key
    if (event.userIdentity?.sessionContext?.attributes?.mfaAuthenticated === "true") return false;
    const name = event.eventName ?? "";
    if (name === "DeactivateMFADevice" || IAM_ACTIONS.has(name)) return true;
    return Boolean(event.errorCode) && MFA_DEVICE_EVENTS.has(name);
  },
);
