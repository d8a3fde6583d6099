import { rule } from "../../../functions/shared/rules";
import { APPROVED_REGIONS } from "../../helpers/aws-accounts";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";

export const aws_ec2_instances_in_unapproved_region = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1535", "T1496"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Instances launched in unapproved region ${String(event.awsRegion)} by ${actorOf(event)}`;
    },
    description:
      "EC2 instances were launched in a region the organization does not use: typical of " +
      "cryptomining with stolen keys (see rules/helpers/aws-accounts.ts).",
    runbook: "Terminate unknown instances and rotate the caller's credentials.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "RunInstances" &&
      !event.errorCode &&
      !APPROVED_REGIONS.has(event.awsRegion ?? "")
    );
  },
);
