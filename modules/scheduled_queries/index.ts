// Scheduled queries (`scheduled_queries.json` enabled): a runner function, a Step Functions state
// machine that calls it and waits between polls until the pack's queries finish, and one
// EventBridge schedule per pack starting the state machine. Results go to a Kinesis stream.
import { CloudwatchEventRule } from "@cdktn/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktn/provider-aws/lib/cloudwatch-event-target";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { SfnStateMachine } from "@cdktn/provider-aws/lib/sfn-state-machine";
import { Construct } from "constructs";
import type { LambdaSettings } from "../../functions/shared/config/types";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { type AccountContext, arn, globalNames } from "../shared/names";
import { assumeRolePolicy, policyDocument } from "../shared/policy";

export interface ScheduledQueriesSettings {
  config?: {
    destination_kinesis_stream?: string;
    sfn_timeout_secs?: number;
    sfn_wait_secs?: number;
  };
  lambda_config?: LambdaSettings;
  packs?: Record<string, { description?: string; schedule_expression: string }>;
}

export interface ScheduledQueriesProps {
  account: AccountContext;
  settings: ScheduledQueriesSettings;
  artifact: FunctionArtifact;
  alarmTopicArn: string;
  athenaResultsBucketArn?: string;
  dataBucketArn?: string;
  runtime?: string;
}

export class ScheduledQueries extends Construct {
  readonly runner: StreamAlertFunction;
  readonly stateMachine: SfnStateMachine;

  constructor(scope: Construct, id: string, props: ScheduledQueriesProps) {
    super(scope, id);
    const { account, settings } = props;
    const prefix = account.prefix;
    const names = globalNames(prefix);
    const stream =
      settings.config?.destination_kinesis_stream ?? `${prefix}_streamalert_scheduled_queries`;
    this.runner = new StreamAlertFunction(this, "runner", {
      functionName: `${prefix}_streamalert_scheduled_queries_runner`,
      description:
        "StreamAlert scheduled queries: runs a pack's Athena queries, sends results to Kinesis",
      artifact: props.artifact,
      settings: settings.lambda_config,
      runtime: props.runtime,
      alarmTopicArn: props.alarmTopicArn,
      environment: {
        DESTINATION_KINESIS_STREAM: stream,
        ATHENA_DATABASE: names.athenaDatabase,
        ATHENA_RESULTS_BUCKET: names.athenaResultsBucket,
      },
    });
    this.runner.addToRolePolicy({
      Sid: "SendResults",
      Action: ["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStream"],
      Resource: arn(account, "kinesis", `stream/${stream}`),
    });
    this.runner.addToRolePolicy({
      Sid: "RunQueries",
      Action: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"],
      Resource: arn(account, "athena", "workgroup/primary"),
    });
    const buckets = [props.athenaResultsBucketArn, props.dataBucketArn].filter((b): b is string =>
      Boolean(b),
    );
    if (buckets.length > 0) {
      this.runner.addToRolePolicy({
        Sid: "AthenaData",
        Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"],
        Resource: buckets.flatMap((bucket) => [bucket, `${bucket}/*`]),
      });
      this.runner.addToRolePolicy({
        Sid: "AthenaCatalog",
        Action: ["glue:GetTable", "glue:GetDatabase", "glue:GetPartitions"],
        Resource: [
          arn(account, "glue", "catalog"),
          arn(account, "glue", `database/${names.athenaDatabase}`),
          arn(account, "glue", `table/${names.athenaDatabase}/*`),
        ],
      });
    }

    const machineName = `${prefix}_streamalert_scheduled_queries_state_machine`;
    const machineRole = new IamRole(this, "state_machine_role", {
      name: `${machineName}_role`,
      assumeRolePolicy: assumeRolePolicy("states.amazonaws.com"),
    });
    new IamRolePolicy(this, "state_machine_policy", {
      name: `${machineName}_invoke`,
      role: machineRole.id,
      policy: policyDocument([
        { Action: ["lambda:InvokeFunction"], Resource: this.runner.alias.arn },
      ]),
    });
    this.stateMachine = new SfnStateMachine(this, "state_machine", {
      name: machineName,
      roleArn: machineRole.arn,
      definition: JSON.stringify({
        Comment: "Run the pack's queries, poll until they finish",
        StartAt: "RunQueries",
        TimeoutSeconds: settings.config?.sfn_timeout_secs ?? 3600,
        States: {
          RunQueries: {
            Type: "Task",
            Resource: this.runner.alias.arn,
            Next: "CheckDone",
          },
          CheckDone: {
            Type: "Choice",
            Choices: [{ Variable: "$.done", BooleanEquals: true, Next: "Done" }],
            Default: "Wait",
          },
          Wait: { Type: "Wait", Seconds: settings.config?.sfn_wait_secs ?? 30, Next: "RunQueries" },
          Done: { Type: "Succeed" },
        },
      }),
    });

    const startRole = new IamRole(this, "schedule_role", {
      name: `${prefix}_streamalert_scheduled_queries_start`,
      assumeRolePolicy: assumeRolePolicy("events.amazonaws.com"),
    });
    new IamRolePolicy(this, "schedule_policy", {
      name: `${prefix}_streamalert_scheduled_queries_start`,
      role: startRole.id,
      policy: policyDocument([
        { Action: ["states:StartExecution"], Resource: this.stateMachine.arn },
      ]),
    });
    const packs = settings.packs ?? {};
    for (const pack of Object.keys(packs).sort()) {
      const rule = new CloudwatchEventRule(this, `pack_${pack.replace(/\W/g, "_")}`, {
        name: `${prefix}_streamalert_scheduled_queries_${pack}`,
        description: packs[pack].description,
        scheduleExpression: packs[pack].schedule_expression,
      });
      new CloudwatchEventTarget(this, `pack_${pack.replace(/\W/g, "_")}_target`, {
        rule: rule.name,
        arn: this.stateMachine.arn,
        roleArn: startRole.arn,
        // the pack's state starts with the id of the schedule event that started it
        inputTransformer: {
          inputPaths: { event_id: "$.id" },
          inputTemplate: `{"name": ${JSON.stringify(pack)}, "event_id": <event_id>}`,
        },
        targetId: `scheduled_queries_${pack}`.slice(0, 64),
      });
    }
  }
}
