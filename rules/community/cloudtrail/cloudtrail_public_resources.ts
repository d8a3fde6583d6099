import { isPolicyPublic, rule } from "../../../functions/shared/rules";
import { actorOf, type CloudTrailEvent, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

/** Where each API carries the resource policy it sets (a JSON string, or JSON for S3). */
function policyOf(event: CloudTrailEvent): unknown {
  const params = objectAt(event.requestParameters);
  switch (event.eventName) {
    case "PutBucketPolicy":
      return params.bucketPolicy;
    case "CreateElasticsearchDomain":
    case "UpdateElasticsearchDomainConfig":
    case "CreateDomain":
    case "UpdateDomainConfig":
      return params.accessPolicies;
    case "SetVaultAccessPolicy":
      return objectAt(params, "policy").policy;
    case "SetQueueAttributes":
    case "CreateTopic":
      return objectAt(params, "attributes").Policy;
    case "SetTopicAttributes":
      return params.attributeName === "Policy" ? params.attributeValue : undefined;
    case "SetRepositoryPolicy":
      return params.policyText;
    case "PutKeyPolicy":
    case "CreateKey":
      return params.policy;
    case "PutResourcePolicy":
      return params.resourcePolicy;
    default:
      return undefined;
  }
}

export const cloudtrail_public_resources = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1530", "T1537"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Resource made public by ${String(event.eventName)} (${actorOf(event)})`;
    },
    description:
      "A resource policy was set that lets anyone access the resource: S3 bucket, OpenSearch " +
      "domain, Glacier vault, SQS queue, SNS topic, ECR repository, KMS key or Secrets Manager " +
      "secret.",
    runbook:
      "Identify the account and resource, confirm whether public access is intended; if not, " +
      "restore the previous policy.",
  },
  (rec) => {
    const policy = policyOf(cloudTrailEvent(rec));
    return policy ? isPolicyPublic(policy) : false;
  },
);
