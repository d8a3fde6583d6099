import { rule } from "../../../functions/shared/rules";
import { KNOWN_ACCOUNTS } from "../../helpers/aws-accounts";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { listAt, objectAt } from "../../helpers/nested";

function addedAccounts(params: Record<string, unknown>): string[] {
  const items = [
    ...listAt(params, "createVolumePermission", "add", "items"),
    ...listAt(params, "launchPermission", "add", "items"),
  ];
  return items
    .map((item) => objectAt(item).userId)
    .filter((id): id is string => typeof id === "string");
}

export const aws_ebs_snapshot_shared_external = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1537"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      const params = objectAt(event.requestParameters);
      return `${String(params.snapshotId ?? params.imageId)} shared with ${addedAccounts(params).join(", ")} by ${actorOf(event)}`;
    },
    description:
      "An EBS snapshot or AMI was shared with an AWS account outside the organization: a " +
      "common way to copy a whole disk out.",
    runbook: "Remove the permission unless the receiving account is a known partner.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    if (
      event.eventName !== "ModifySnapshotAttribute" &&
      event.eventName !== "ModifyImageAttribute"
    ) {
      return false;
    }
    return addedAccounts(objectAt(event.requestParameters)).some((id) => !KNOWN_ACCOUNTS.has(id));
  },
);
