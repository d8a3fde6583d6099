import { rule } from "../../../functions/shared/rules";
import { cloudTrailEvent } from "../../helpers/cloudtrail";

export const aws_root_access_key_created = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: [
      "slack:security-alerts",
      "aws-sns:security-oncall",
      "pagerduty-v2:security-high-urgency",
    ],
    severity: "critical",
    tags: ["T1098.001", "T1078.004"],
    title: (rec) =>
      `Access key created for the root user of ${String(cloudTrailEvent(rec).recipientAccountId)}`,
    description: "An access key was created for the root user: full, unrestrictable API access.",
    runbook: "Delete the key unless a documented break-glass procedure created it.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "CreateAccessKey" &&
      event.userIdentity?.type === "Root" &&
      !event.errorCode
    );
  },
);
