// The one function construct every StreamAlert function uses: code from a bundle zip, a published
// version with the `production` alias (event sources and invokers target the alias), its own log
// group, a least-privilege role and the error/throttle alarms of its `metric_alarms` settings.
import { CloudwatchEventRule } from "@cdktn/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktn/provider-aws/lib/cloudwatch-event-target";
import { CloudwatchLogGroup } from "@cdktn/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchMetricAlarm } from "@cdktn/provider-aws/lib/cloudwatch-metric-alarm";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { LambdaAlias } from "@cdktn/provider-aws/lib/lambda-alias";
import { LambdaFunction } from "@cdktn/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktn/provider-aws/lib/lambda-permission";
import { Fn, Lazy } from "cdktn";
import { Construct } from "constructs";
import type { AlarmSettings, LambdaSettings } from "../../functions/shared/config/types";
import { assumeRolePolicy, type PolicyStatement, policyDocument } from "../shared/policy";

/** Where a function's code is: a zip path relative to the stack folder, and its content hash. */
export interface FunctionArtifact {
  /** e.g. `../../dist/classifier-1a2b3c4d.zip` (relative, so the output is machine independent) */
  path: string;
  /** base64 SHA-256 of the zip; @default `filebase64sha256(path)` evaluated by Terraform */
  sourceCodeHash?: string;
}

export interface StreamAlertFunctionProps {
  /** the function name, e.g. `acme_streamalert_rules_engine` */
  functionName: string;
  description?: string;
  artifact: FunctionArtifact;
  /** lambda.json / classifier_config block of this function */
  settings?: LambdaSettings;
  /** @default "index.handler" */
  handler?: string;
  /** @default "nodejs22.x" */
  runtime?: string;
  /** @default 128 (MB), else settings.memory */
  memorySize?: number;
  /** @default 60 (seconds), else settings.timeout */
  timeout?: number;
  /** @default 14 days, else settings.log_retention_days */
  logRetentionDays?: number;
  environment?: Record<string, string>;
  /** topic the error/throttle alarms notify; no alarms without it */
  alarmTopicArn?: string;
  /** KMS key encrypting the log group @default AWS-owned key */
  logKmsKeyArn?: string;
}

export const DEFAULT_RUNTIME = "nodejs22.x";

/** lambda.json `log_level` (StreamAlert's Python names) as the Powertools logger reads it. */
export function powertoolsLogLevel(level: string | undefined): string {
  const lower = (level ?? "info").toLowerCase();
  return lower === "warning" ? "WARN" : lower.toUpperCase();
}
export const PRODUCTION_ALIAS = "production";

export class StreamAlertFunction extends Construct {
  readonly function: LambdaFunction;
  readonly alias: LambdaAlias;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  readonly functionName: string;
  readonly timeout: number;
  private readonly statements: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: StreamAlertFunctionProps) {
    super(scope, id);
    const settings = props.settings ?? {};
    const name = props.functionName;
    this.functionName = name;
    this.timeout = props.timeout ?? settings.timeout ?? 60;

    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `/aws/lambda/${name}`,
      retentionInDays: props.logRetentionDays ?? settings.log_retention_days ?? 14,
      kmsKeyId: props.logKmsKeyArn,
    });
    this.role = new IamRole(this, "role", {
      name: `${name}_role`,
      assumeRolePolicy: assumeRolePolicy("lambda.amazonaws.com"),
    });
    this.addToRolePolicy({
      Sid: "WriteOwnLogs",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${this.logGroup.arn}:*`,
    });
    const vpc = settings.vpc_config;
    const inVpc = Boolean(vpc?.subnet_ids?.length && vpc.security_group_ids?.length);
    if (inVpc) {
      // ENI actions do not support resource-level permissions (AWS documents Resource "*").
      this.addToRolePolicy({
        Sid: "ManageVpcInterfaces",
        Action: [
          "ec2:CreateNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DeleteNetworkInterface",
        ],
        Resource: "*",
      });
    }

    const environment: Record<string, string> = {
      POWERTOOLS_LOG_LEVEL: powertoolsLogLevel(settings.log_level),
      POWERTOOLS_SERVICE_NAME: name,
      // StreamAlert published custom metrics only where enable_custom_metrics is true
      ...(settings.enable_custom_metrics === true ? {} : { POWERTOOLS_METRICS_DISABLED: "true" }),
      ...props.environment,
    };
    this.function = new LambdaFunction(this, "function", {
      functionName: name,
      description: props.description,
      role: this.role.arn,
      handler: props.handler ?? "index.handler",
      runtime: props.runtime ?? DEFAULT_RUNTIME,
      memorySize: props.memorySize ?? settings.memory ?? 128,
      timeout: this.timeout,
      filename: props.artifact.path,
      sourceCodeHash: props.artifact.sourceCodeHash ?? Fn.filebase64sha256(props.artifact.path),
      publish: true,
      reservedConcurrentExecutions: settings.concurrency_limit,
      environment: { variables: environment },
      vpcConfig: inVpc
        ? {
            subnetIds: vpc?.subnet_ids ?? [],
            securityGroupIds: vpc?.security_group_ids ?? [],
          }
        : undefined,
      dependsOn: [this.logGroup],
    });
    this.alias = new LambdaAlias(this, "alias", {
      name: PRODUCTION_ALIAS,
      functionName: this.function.functionName,
      functionVersion: this.function.version,
    });

    if (props.alarmTopicArn) this.addAlarms(settings, props.alarmTopicArn);
    if (settings.schedule_expression) this.addSchedule(settings.schedule_expression);
  }

  /** Grant the function's role one more statement (the caller owns what it grants). */
  addToRolePolicy(statement: PolicyStatement): void {
    this.statements.push(statement);
    if (this.statements.length === 1) {
      new IamRolePolicy(this, "policy", {
        name: `${this.functionName}_policy`,
        role: this.role.id,
        // Rendered lazily: statements added after construction still land in the same policy.
        policy: Lazy.stringValue({ produce: () => policyDocument(this.statements) }),
      });
    }
  }

  /** Invoke the alias on a schedule (`rate(1 minute)`, `cron(...)`); `name` tells several apart. */
  addSchedule(expression: string, name = "schedule"): void {
    const ruleName =
      name === "schedule" ? `${this.functionName}_schedule` : `${this.functionName}_${name}`;
    const rule = new CloudwatchEventRule(this, name, {
      name: ruleName,
      scheduleExpression: expression,
    });
    new CloudwatchEventTarget(this, `${name}_target`, {
      rule: rule.name,
      arn: this.alias.arn,
      targetId: `${ruleName}_target`.slice(0, 64),
    });
    new LambdaPermission(this, `${name}_permission`, {
      statementId: `InvokeFrom_${name}`,
      action: "lambda:InvokeFunction",
      functionName: this.function.functionName,
      qualifier: this.alias.name,
      principal: "events.amazonaws.com",
      sourceArn: rule.arn,
    });
  }

  private addAlarms(settings: LambdaSettings, topicArn: string): void {
    const alarms = settings.metric_alarms ?? {};
    const defaults: AlarmSettings = { enabled: true, evaluation_periods: 1, period_secs: 120 };
    for (const metric of ["errors", "throttles"] as const) {
      const alarm = { ...defaults, threshold: 0, ...alarms[metric] };
      if (!alarm.enabled) continue;
      const metricName = metric === "errors" ? "Errors" : "Throttles";
      new CloudwatchMetricAlarm(this, `${metric}_alarm`, {
        alarmName: `${this.functionName}_${metricName}`,
        alarmDescription: `${this.functionName} ${metricName} above ${alarm.threshold}`,
        namespace: "AWS/Lambda",
        metricName,
        statistic: "Sum",
        comparisonOperator: "GreaterThanThreshold",
        threshold: alarm.threshold ?? 0,
        evaluationPeriods: alarm.evaluation_periods ?? 1,
        period: alarm.period_secs ?? 120,
        dimensions: { FunctionName: this.functionName },
        alarmActions: [topicArn],
        treatMissingData: "notBreaching",
      });
    }
  }
}
