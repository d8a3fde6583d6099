import { rule } from "../../../functions/shared/rules";
import { cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";

export const cloudtrail_root_account_usage = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["userIdentity", "eventType"] },
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1078.004"],
    title: (rec) => {
      const event = cloudWatchCloudTrailEvent(rec);
      return `Root credentials used for ${String(event.eventName)} in account ${String(rec.account)} from ${String(event.sourceIPAddress)}`;
    },
    description:
      "The AWS account's root credentials were used. This is against best practice and may be " +
      "an attacker.",
    runbook: "Identify who used the root account and confirm it was intended and legitimate.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    const identity = event.userIdentity;
    // calls AWS services make on the root's behalf (invokedBy) and service events are not usage
    return (
      identity?.type === "Root" &&
      identity.invokedBy == null &&
      event.eventType !== "AwsServiceEvent"
    );
  },
);
