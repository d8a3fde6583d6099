import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_ssm_session_started = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-noise"],
    severity: "info",
    tags: ["T1021"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `SSM session to ${String(objectAt(event.requestParameters).target)} by ${actorOf(event)}`;
    },
    description: "An interactive Session Manager shell was opened on an instance.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "StartSession" &&
      event.eventSource === "ssm.amazonaws.com" &&
      !event.errorCode
    );
  },
);
