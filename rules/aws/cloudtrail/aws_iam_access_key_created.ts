import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_iam_access_key_created = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-noise"],
    severity: "low",
    tags: ["T1098.001"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      const key = objectAt(event.responseElements, "accessKey");
      return `Access key created for ${String(key.userName ?? objectAt(event.requestParameters).userName)} by ${actorOf(event)}`;
    },
    description:
      "A long-lived IAM access key was created. Keys for other users, or outside automation, " +
      "are a classic persistence step.",
    runbook: "Confirm the key is needed and stored safely; prefer roles over long-lived keys.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return event.eventName === "CreateAccessKey" && !event.errorCode;
  },
);
