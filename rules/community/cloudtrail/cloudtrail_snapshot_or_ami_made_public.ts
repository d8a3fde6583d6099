import { rule } from "../../../functions/shared/rules";
import { actorOf, type CloudTrailEvent, cloudTrailEvent } from "../../helpers/cloudtrail";
import { listAt, objectAt } from "../../helpers/nested";

function addsGroupAll(params: Record<string, unknown>, permission: string): boolean {
  return listAt(params, permission, "add", "items").some((item) => objectAt(item).group === "all");
}

function madePublic(event: CloudTrailEvent): boolean {
  const params = objectAt(event.requestParameters);
  switch (event.eventName) {
    case "ModifyImageAttribute":
      return (
        params.attributeType === "launchPermission" && addsGroupAll(params, "launchPermission")
      );
    case "ModifySnapshotAttribute":
      return (
        params.attributeType === "CREATE_VOLUME_PERMISSION" &&
        addsGroupAll(params, "createVolumePermission")
      );
    case "ModifyDBClusterSnapshotAttribute":
    case "ModifyDBSnapshotAttribute":
      return listAt(params, "valuesToAdd").includes("all");
    default:
      return false;
  }
}

export const cloudtrail_snapshot_or_ami_made_public = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1537"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `${String(event.eventName)} made a snapshot or AMI public (${actorOf(event)})`;
    },
    description: "An EBS snapshot, RDS snapshot or AMI was shared with every AWS account.",
    runbook:
      "Identify the account and resource, confirm whether sharing is intended; if not, remove " +
      "the 'all' permission and check who copied it meanwhile.",
  },
  (rec) => madePublic(cloudTrailEvent(rec)),
);
