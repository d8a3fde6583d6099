import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { listAt, objectAt } from "../../helpers/nested";

export const unencrypted_ami_volume = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["requestParameters", "eventName"] },
    outputs: ["slack:security-noise"],
    severity: "low",
    tags: ["T1530"],
    title: (rec) =>
      `AMI created with an unencrypted volume by ${actorOf(cloudWatchCloudTrailEvent(rec))}`,
    description: "An AMI was created (CreateImage) without encryption on any of its EBS volumes.",
    runbook:
      "Ask the creator why; re-create the AMI with encrypted volumes and deregister the old one.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    if (event.eventName !== "CreateImage") return false;
    const devices = listAt(event.requestParameters, "blockDeviceMapping", "items");
    if (devices.length === 0) return false;
    return !devices.some((device) => Boolean(objectAt(device, "ebs").encrypted));
  },
);
