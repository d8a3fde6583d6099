import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const LOGIN_PROFILE_EVENTS = new Set(["CreateLoginProfile", "UpdateLoginProfile"]);

export const aws_iam_login_profile_changed = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1098"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Console password of ${String(objectAt(event.requestParameters).userName)} set by ${actorOf(event)}`;
    },
    description:
      "Someone set or changed another IAM user's console password (users changing their own " +
      "password use ChangePassword and are not counted).",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    if (!LOGIN_PROFILE_EVENTS.has(event.eventName ?? "") || event.errorCode) return false;
    return objectAt(event.requestParameters).userName !== event.userIdentity?.userName;
  },
);
