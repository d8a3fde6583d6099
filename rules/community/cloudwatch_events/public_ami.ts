import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { listAt, objectAt } from "../../helpers/nested";

export const public_ami = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["requestParameters", "eventName"] },
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1537"],
    title: (rec) => {
      const event = cloudWatchCloudTrailEvent(rec);
      return `AMI ${String(objectAt(event.requestParameters).imageId ?? "")} made public by ${actorOf(event)}`;
    },
    description: "An AMI's launch permissions were changed to let every AWS account use it.",
    runbook: "Ask the user who made the change; set the AMI back to private.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    if (event.eventName !== "ModifyImageAttribute") return false;
    const added = listAt(event.requestParameters, "launchPermission", "add", "items");
    return added.some((item) => objectAt(item).group === "all");
  },
);
