// `modules.cloudwatch_logs_destination`: in each listed region, a CloudWatch Logs destination
// forwarding to the cluster's Kinesis stream, which the listed accounts may subscribe their log
// groups to. Each region gets its own provider alias, since destinations are regional.
import { CloudwatchLogDestination } from "@cdktn/provider-aws/lib/cloudwatch-log-destination";
import { CloudwatchLogDestinationPolicy } from "@cdktn/provider-aws/lib/cloudwatch-log-destination-policy";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { AwsProvider } from "@cdktn/provider-aws/lib/provider";
import { Construct } from "constructs";
import { policyDocument } from "../shared/policy";

export interface CloudWatchLogsDestinationProps {
  /** e.g. `acme_prod_streamalert` */
  name: string;
  streamArn: string;
  regions: string[];
  /** accounts allowed to subscribe @default the stream's own account only (no policy) */
  crossAccountIds?: string[];
}

export class CloudWatchLogsDestination extends Construct {
  constructor(scope: Construct, id: string, props: CloudWatchLogsDestinationProps) {
    super(scope, id);
    const regions = [...new Set(props.regions)].sort();
    const role = new IamRole(this, "role", {
      name: `${props.name}_logs_destination`,
      assumeRolePolicy: policyDocument([
        {
          Action: "sts:AssumeRole",
          Principal: { Service: regions.map((region) => `logs.${region}.amazonaws.com`) },
        },
      ]),
    });
    new IamRolePolicy(this, "role_policy", {
      name: `${props.name}_logs_destination_put`,
      role: role.id,
      policy: policyDocument([
        { Action: ["kinesis:PutRecord", "kinesis:PutRecords"], Resource: props.streamArn },
      ]),
    });
    for (const region of regions) {
      const key = region.replace(/\W/g, "_");
      const provider = new AwsProvider(this, `aws_${key}`, { region, alias: `logs_${key}` });
      const destination = new CloudwatchLogDestination(this, `destination_${key}`, {
        provider,
        name: `${props.name}_logs_destination`,
        roleArn: role.arn,
        targetArn: props.streamArn,
      });
      const accounts = props.crossAccountIds ?? [];
      if (accounts.length === 0) continue;
      new CloudwatchLogDestinationPolicy(this, `destination_policy_${key}`, {
        provider,
        destinationName: destination.name,
        accessPolicy: policyDocument([
          {
            Action: "logs:PutSubscriptionFilter",
            Principal: { AWS: accounts },
            Resource: destination.arn,
          },
        ]),
      });
    }
  }
}
