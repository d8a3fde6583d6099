// Matchers for AWS sources (StreamAlert's AwsGuardDutyMatcher and AwsConfigMatcher).
import { matcher } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

/** A GuardDuty finding delivered as a CloudWatch (EventBridge) event. */
export const guard_duty = matcher((rec) => rec["detail-type"] === "GuardDuty Finding");

/** AWS Config reporting rule evaluations (PutEvaluations), excluding test-mode calls. */
export const aws_config_compliance = matcher(
  (rec) =>
    rec.eventSource === "config.amazonaws.com" &&
    rec.eventName === "PutEvaluations" &&
    !objectAt(rec, "requestParameters").testMode,
);

/** AWS Config starting an SSM automation to remediate a non-compliant resource. */
export const aws_config_auto_remediation = matcher(
  (rec) =>
    rec.eventName === "StartAutomationExecution" &&
    rec.eventSource === "ssm.amazonaws.com" &&
    rec.sourceIPAddress === "config.amazonaws.com",
);
