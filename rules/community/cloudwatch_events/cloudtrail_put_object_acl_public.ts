import { dataHasValueFromSubstringList, rule } from "../../../functions/shared/rules";
import { actorOf, cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";
import { PUBLIC_ACL_GRANTEES } from "../../helpers/s3-public-grantees";

/** Buckets expected to hold public objects. */
const PUBLIC_BUCKETS = new Set(["example-bucket-to-ignore"]);

export const cloudtrail_put_object_acl_public = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["requestParameters"] },
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1530"],
    title: (rec) => {
      const event = cloudWatchCloudTrailEvent(rec);
      const params = objectAt(event.requestParameters);
      return `S3 object ${String(params.bucketName)}/${String(params.key)} made public by ${actorOf(event)}`;
    },
    description:
      "An S3 object ACL was changed to grant access to AllUsers (anyone on the internet) or " +
      "AuthenticatedUsers (any AWS account).",
    runbook: "Confirm the object should be public; if not, reset its ACL to private.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    const params = objectAt(event.requestParameters);
    return (
      event.eventName === "PutObjectAcl" &&
      dataHasValueFromSubstringList(params, PUBLIC_ACL_GRANTEES) &&
      !PUBLIC_BUCKETS.has(String(params.bucketName))
    );
  },
);
