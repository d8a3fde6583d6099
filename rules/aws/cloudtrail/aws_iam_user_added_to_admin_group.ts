import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

/** Groups that grant administrator rights without saying "admin" in their name. Edit to suit. */
const PRIVILEGED_GROUPS = new Set(["break-glass", "security-engineering"]);

const isAdminGroup = (group: unknown): boolean =>
  typeof group === "string" &&
  (group.toLowerCase().includes("admin") || PRIVILEGED_GROUPS.has(group));

export const aws_iam_user_added_to_admin_group = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098.003"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      const params = objectAt(event.requestParameters);
      return `IAM user ${String(params.userName)} added to group ${String(params.groupName)} by ${actorOf(event)}`;
    },
    description: "An IAM user was added to a group that grants administrator rights.",
    runbook:
      "Confirm the change with its requester and ticket; otherwise remove the user from the " +
      "group (RemoveUserFromGroup) and review what the user did since.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventSource === "iam.amazonaws.com" &&
      event.eventName === "AddUserToGroup" &&
      !event.errorCode &&
      isAdminGroup(objectAt(event.requestParameters).groupName)
    );
  },
);
