import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";

const CONFIG_OFF = new Set([
  "StopConfigurationRecorder",
  "DeleteConfigurationRecorder",
  "DeleteDeliveryChannel",
  "DeleteConfigRule",
  "DeleteConformancePack",
]);

export const aws_config_disabled = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1562.001"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `AWS Config weakened: ${String(event.eventName)} by ${actorOf(event)}`;
    },
    description: "AWS Config recording, delivery or a Config rule was stopped or deleted.",
    runbook: "Restart the recorder; restore the deleted rule or channel.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventSource === "config.amazonaws.com" &&
      CONFIG_OFF.has(event.eventName ?? "") &&
      !event.errorCode
    );
  },
);
