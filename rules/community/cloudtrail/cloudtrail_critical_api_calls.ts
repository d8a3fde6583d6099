import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

/** Calls that stop or delete security logs or delete large, critical resources. */
const CRITICAL_EVENTS = new Set([
  "DeleteFlowLogs",
  "DeleteSubnet",
  "DeleteVpc",
  "DeleteDBCluster",
  "DeleteCluster",
  "DeleteTrail",
  "PutEventSelectors",
  "UpdateTrail",
  "StopLogging",
  "DeleteDeliveryChannel",
  "StopConfigurationRecorder",
  "DeleteRule",
  "DisableRule",
  "DeleteDetector",
  "DeleteAccountPublicAccessBlock",
  "DisableEbsEncryptionByDefault",
]);

const PUBLIC_ACCESS_BLOCK_SETTINGS = [
  "RestrictPublicBuckets",
  "BlockPublicPolicy",
  "BlockPublicAcls",
  "IgnorePublicAcls",
];

/** AWS Organizations calls that change the guard rails of every account. */
const ORGANIZATION_EVENTS = new Set([
  "AttachPolicy",
  "CreateOrganizationUnit",
  "CreatePolicy",
  "DeletePolicy",
  "DeleteOrganizationUnit",
  "DetachPolicy",
  "DisableAWSServiceAccess",
  "DisablePolicyType",
  "EnableAllFeatures",
  "EnableAWSServiceAccess",
  "EnablePolicyType",
  "LeaveOrganization",
  "MoveAccount",
  "RemoveAccountFromOrganization",
  "UpdatePolicy",
]);

export const cloudtrail_critical_api_calls = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1562.008", "T1485"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Critical AWS API call ${String(event.eventName)} by ${actorOf(event)} in ${String(event.recipientAccountId)}`;
    },
    description:
      "An AWS API call stopped or deleted security logging (CloudTrail, Config, flow logs, " +
      "GuardDuty), loosened S3 public access blocks, changed AWS Organizations guard rails, or " +
      "deleted a critical resource (VPC, subnet, database cluster).",
    runbook:
      "Identify the account and the affected resources, then whether the change was intended, " +
      "accidental or malicious; restore logging first.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    const name = event.eventName ?? "";
    if (CRITICAL_EVENTS.has(name)) return true;
    const params = objectAt(event.requestParameters);
    // GuardDuty is disabled by UpdateDetector with enable=false
    if (name === "UpdateDetector" && params.enable === false) return true;
    if (name === "PutBucketPublicAccessBlock" || name === "PutAccountPublicAccessBlock") {
      const config = objectAt(params, "PublicAccessBlockConfiguration");
      if (PUBLIC_ACCESS_BLOCK_SETTINGS.some((setting) => config[setting] === false)) return true;
    }
    return event.eventSource === "organizations.amazonaws.com" && ORGANIZATION_EVENTS.has(name);
  },
);
