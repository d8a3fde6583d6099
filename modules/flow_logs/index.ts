// `modules.flow_logs`: VPC, subnet and ENI flow logs into one log group, forwarded to the
// cluster's Kinesis stream for the classifier (`cloudwatch:flow_logs` style records).
import { CloudwatchLogGroup } from "@cdktn/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktn/provider-aws/lib/flow-log";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { LogsToKinesis } from "../shared/logs-to-kinesis";
import { assumeRolePolicy, policyDocument } from "../shared/policy";

export interface FlowLogsProps {
  /** e.g. `acme_prod_streamalert_flow_logs` */
  name: string;
  region: string;
  streamArn: string;
  vpcs?: string[];
  subnets?: string[];
  enis?: string[];
  /** days @default 7 */
  logRetentionDays?: number;
  /** @default "ALL" */
  trafficType?: string;
}

export class FlowLogs extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, "log_group", {
      name: props.name,
      retentionInDays: props.logRetentionDays ?? 7,
    });
    const role = new IamRole(this, "role", {
      name: `${props.name}_delivery`,
      assumeRolePolicy: assumeRolePolicy("vpc-flow-logs.amazonaws.com"),
    });
    new IamRolePolicy(this, "role_policy", {
      name: `${props.name}_write_logs`,
      role: role.id,
      policy: policyDocument([
        {
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          Resource: `${this.logGroup.arn}:*`,
        },
      ]),
    });
    const sources: Array<[string, string[] | undefined, "vpcId" | "subnetId" | "eniId"]> = [
      ["vpc", props.vpcs, "vpcId"],
      ["subnet", props.subnets, "subnetId"],
      ["eni", props.enis, "eniId"],
    ];
    for (const [kind, ids, key] of sources) {
      for (const resourceId of ids ?? []) {
        new FlowLog(this, `${kind}_${resourceId.replace(/\W/g, "_")}`, {
          [key]: resourceId,
          trafficType: props.trafficType ?? "ALL",
          logDestinationType: "cloud-watch-logs",
          logDestination: this.logGroup.arn,
          iamRoleArn: role.arn,
        });
      }
    }
    new LogsToKinesis(this, "to_kinesis", {
      name: props.name,
      region: props.region,
      logGroupName: this.logGroup.name,
      streamArn: props.streamArn,
    });
  }
}
