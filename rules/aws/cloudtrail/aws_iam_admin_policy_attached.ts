import { endsWithAny, rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const ATTACH_EVENTS = new Set(["AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy"]);
/** Managed policies that grant everything or IAM itself (and so everything). */
const ADMIN_POLICIES = [":policy/AdministratorAccess", ":policy/IAMFullAccess"];

export const aws_iam_admin_policy_attached = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098.003"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      const params = objectAt(event.requestParameters);
      const target = params.userName ?? params.roleName ?? params.groupName;
      return `${String(params.policyArn)} attached to ${String(target)} by ${actorOf(event)}`;
    },
    description: "An administrator policy was attached to a user, role or group.",
    runbook: "Confirm the grant went through change review; detach it otherwise.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      ATTACH_EVENTS.has(event.eventName ?? "") &&
      !event.errorCode &&
      endsWithAny(objectAt(event.requestParameters).policyArn, ADMIN_POLICIES)
    );
  },
);
