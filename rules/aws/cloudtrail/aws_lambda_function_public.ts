import { rule, startsWithAny } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_lambda_function_public = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1190"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Lambda ${String(objectAt(event.requestParameters).functionName)} invocable by anyone (${actorOf(event)})`;
    },
    description:
      "A Lambda function's resource policy lets every principal invoke it (AddPermission with " +
      'principal "*" and no source account or ARN).',
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    // the API version is part of the event name: AddPermission20150331v2
    if (!startsWithAny(event.eventName, ["AddPermission"]) || event.errorCode) return false;
    if (event.eventSource !== "lambda.amazonaws.com") return false;
    const params = objectAt(event.requestParameters);
    return (
      params.principal === "*" &&
      !params.sourceAccount &&
      !params.sourceArn &&
      !params.principalOrgID
    );
  },
);
