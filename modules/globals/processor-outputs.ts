// What the alert processor's role may do to deliver alerts: one statement per AWS output
// service configured in conf/outputs.json, scoped to the resources it names (StreamAlert's
// tf_alert_processor_iam), plus the required alerts Firehose. aws-lambda-v2 targets live in SSM,
// unknown at synth time: their invoke/AssumeRole grants are the operator's (docs/outputs/aws.md).
import { parseLambdaTarget } from "../../functions/alert_processor/outputs/aws-lambda-target";
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { type AccountContext, arn, globalNames } from "../shared/names";
import type { PolicyStatement } from "../shared/policy";

/** The resources outputs.json maps one service's descriptors to (empty for the list form). */
function mapped(config: StreamAlertConfig, service: string): string[] {
  const entry = Object.hasOwn(config.outputs, service) ? config.outputs[service] : undefined;
  if (!entry || Array.isArray(entry)) return [];
  return Object.values(entry)
    .map((value) => value.trim())
    .filter(Boolean);
}

const unique = (values: string[]) => [...new Set(values)].sort();

function queueArn(account: AccountContext, queue: string): string {
  if (queue.startsWith("arn:")) return queue;
  const url = /^https?:\/\/[^/]+\/(\d+)\/([^/?#]+)/i.exec(queue);
  if (url) return `arn:aws:sqs:${account.region}:${url[1]}:${url[2]}`;
  return arn(account, "sqs", queue);
}

function logGroupArn(account: AccountContext, resource: string): string {
  const group = /:log-group:([^:]+)/.exec(resource)?.[1] ?? resource.split(":")[0];
  return arn(account, "logs", `log-group:${group}:*`);
}

export function processorOutputStatements(
  config: StreamAlertConfig,
  account: AccountContext,
): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      Sid: "SendToFirehoseOutputs",
      Action: ["firehose:PutRecord"],
      Resource: unique([
        globalNames(account.prefix).alertsFirehose,
        ...mapped(config, "aws-firehose"),
      ]).map((stream) => arn(account, "firehose", `deliverystream/${stream}`)),
    },
  ];
  const add = (Sid: string, Action: string[], resources: string[]) => {
    if (resources.length > 0) statements.push({ Sid, Action, Resource: unique(resources) });
  };
  add(
    "InvokeLambdaOutputs",
    ["lambda:InvokeFunction"],
    mapped(config, "aws-lambda").flatMap((resource) => {
      const { functionName } = parseLambdaTarget(resource);
      const base = functionName.startsWith("arn:")
        ? functionName
        : arn(account, "lambda", `function:${functionName}`);
      return [base, `${base}:*`]; // unqualified, and any version or alias
    }),
  );
  add(
    "WriteS3Outputs",
    ["s3:PutObject"],
    mapped(config, "aws-s3").map((bucket) => `arn:aws:s3:::${bucket}/alerts/*`),
  );
  add(
    "PublishSnsOutputs",
    ["sns:Publish"],
    mapped(config, "aws-sns").map((topic) =>
      topic.startsWith("arn:") ? topic : arn(account, "sns", topic),
    ),
  );
  add(
    "SendSqsOutputs",
    ["sqs:GetQueueUrl", "sqs:SendMessage"],
    mapped(config, "aws-sqs").map((queue) => queueArn(account, queue)),
  );
  add(
    "WriteCloudWatchLogOutputs",
    ["logs:CreateLogStream", "logs:PutLogEvents"],
    mapped(config, "aws-cloudwatch-log").map((resource) => logGroupArn(account, resource)),
  );
  if (Object.hasOwn(config.outputs, "aws-ses")) {
    // recipients are secrets in SSM, unknown here; SES identities are not known either
    statements.push({ Sid: "SendSesOutputs", Action: ["ses:SendRawEmail"], Resource: "*" });
  }
  return statements;
}
