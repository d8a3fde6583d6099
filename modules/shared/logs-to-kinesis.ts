// A CloudWatch Logs subscription forwarding every event of one log group to a Kinesis stream,
// through a role only CloudWatch Logs of this region may assume, allowed to put to that stream only.
import { CloudwatchLogSubscriptionFilter } from "@cdktn/provider-aws/lib/cloudwatch-log-subscription-filter";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { assumeRolePolicy, policyDocument } from "./policy";

export interface LogsToKinesisProps {
  /** prefix of the role and filter names */
  name: string;
  region: string;
  logGroupName: string;
  streamArn: string;
  /** @default "" (every event) */
  filterPattern?: string;
}

export class LogsToKinesis extends Construct {
  constructor(scope: Construct, id: string, props: LogsToKinesisProps) {
    super(scope, id);
    const role = new IamRole(this, "role", {
      name: `${props.name}_logs_to_kinesis`,
      assumeRolePolicy: assumeRolePolicy(`logs.${props.region}.amazonaws.com`),
    });
    const policy = new IamRolePolicy(this, "role_policy", {
      name: `${props.name}_put_records`,
      role: role.id,
      policy: policyDocument([
        { Action: ["kinesis:PutRecord", "kinesis:PutRecords"], Resource: props.streamArn },
      ]),
    });
    new CloudwatchLogSubscriptionFilter(this, "subscription", {
      name: `${props.name}_to_kinesis`,
      logGroupName: props.logGroupName,
      filterPattern: props.filterPattern ?? "",
      destinationArn: props.streamArn,
      roleArn: role.arn,
      dependsOn: [policy],
    });
  }
}
