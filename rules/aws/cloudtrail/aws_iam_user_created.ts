import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_iam_user_created = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-noise"],
    severity: "low",
    tags: ["T1136.003"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `IAM user ${String(objectAt(event.requestParameters).userName)} created by ${actorOf(event)}`;
    },
    description: "An IAM user was created. With SSO in place, new IAM users are rare and suspect.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "CreateUser" &&
      event.eventSource === "iam.amazonaws.com" &&
      !event.errorCode
    );
  },
);
