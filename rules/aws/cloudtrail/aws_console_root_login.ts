import { rule } from "../../../functions/shared/rules";
import { cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_console_root_login = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1078.004"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Root console login to ${String(event.recipientAccountId)} from ${String(event.sourceIPAddress)}`;
    },
    description: "Someone signed in to the AWS console as the account's root user.",
    runbook: "Confirm with the account owner; root should only be used for break-glass tasks.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "ConsoleLogin" &&
      event.userIdentity?.type === "Root" &&
      objectAt(event.responseElements).ConsoleLogin === "Success"
    );
  },
);
