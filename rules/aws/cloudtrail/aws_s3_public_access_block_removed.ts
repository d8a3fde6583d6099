import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_s3_public_access_block_removed = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1530"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `S3 public access block removed from ${String(objectAt(event.requestParameters).bucketName)} by ${actorOf(event)}`;
    },
    description:
      "A bucket's S3 Block Public Access configuration was deleted: its ACLs and policy can now " +
      "make it public.",
    runbook: "Restore the block unless the bucket is meant to be public (e.g. a website).",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return event.eventName === "DeleteBucketPublicAccessBlock" && !event.errorCode;
  },
);
