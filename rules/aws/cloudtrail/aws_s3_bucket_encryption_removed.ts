import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_s3_bucket_encryption_removed = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1562"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Default encryption removed from bucket ${String(objectAt(event.requestParameters).bucketName)} by ${actorOf(event)}`;
    },
    description: "A bucket's default encryption configuration was deleted.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return event.eventName === "DeleteBucketEncryption" && !event.errorCode;
  },
);
