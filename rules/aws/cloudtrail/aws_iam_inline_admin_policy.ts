import { rule, safeJsonParse } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

const PUT_POLICY_EVENTS = new Set(["PutUserPolicy", "PutRolePolicy", "PutGroupPolicy"]);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** An Allow statement of Action "*" on Resource "*". */
function grantsEverything(statement: unknown): boolean {
  const { Effect, Action, Resource } = objectAt(statement);
  return Effect === "Allow" && asList(Action).includes("*") && asList(Resource).includes("*");
}

export const aws_iam_inline_admin_policy = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1098.003"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      const params = objectAt(event.requestParameters);
      const target = params.userName ?? params.roleName ?? params.groupName;
      return `Inline admin policy ${String(params.policyName)} put on ${String(target)} by ${actorOf(event)}`;
    },
    description: "An inline IAM policy granting every action on every resource was written.",
    runbook: "Replace it with a scoped policy; confirm who needed full access and why.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    if (!PUT_POLICY_EVENTS.has(event.eventName ?? "") || event.errorCode) return false;
    // CloudTrail logs the policy document URL-encoded on some API versions
    const raw = objectAt(event.requestParameters).policyDocument;
    const text = typeof raw === "string" && raw.startsWith("%7B") ? decodeURIComponent(raw) : raw;
    return asList(safeJsonParse(text).Statement).some(grantsEverything);
  },
);
