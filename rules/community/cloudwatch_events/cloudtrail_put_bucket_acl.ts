import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

/** Grantees meaning "anyone on the internet" and "any AWS account". */
const PUBLIC_GRANTEES = new Set([
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
  "http://acs.amazonaws.com/groups/global/AllUsers",
]);

export const cloudtrail_put_bucket_acl = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["requestParameters", "eventName"] },
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1530"],
    title: (rec) => {
      const event = cloudWatchCloudTrailEvent(rec);
      const bucket = objectAt(event.requestParameters).bucketName;
      return `S3 bucket ${String(bucket)} ACL grants public access (by ${actorOf(event)})`;
    },
    description:
      "An S3 bucket ACL was changed to grant access to AllUsers (anyone on the internet) or " +
      "AuthenticatedUsers (any AWS account).",
    runbook:
      "Find who changed it (userIdentity), confirm the bucket must be public; if not, remove " +
      "the grant and review the bucket's access logs.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    if (event.eventName !== "PutBucketAcl") return false;
    const policy = objectAt(event.requestParameters, "AccessControlPolicy");
    const grants = objectAt(policy, "AccessControlList").Grant;
    // a single grant is an object, several are a list
    const grantList = Array.isArray(grants) ? grants : grants ? [grants] : [];
    return grantList.some((grant) => PUBLIC_GRANTEES.has(String(objectAt(grant, "Grantee").URI)));
  },
);
