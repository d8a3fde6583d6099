// `modules.cloudwatch_events`: an EventBridge rule (default pattern: this account's events) sending
// to the cluster's Kinesis stream, and bus permissions for the cross-account senders and
// organisations configured for this region.
import { CloudwatchEventPermission } from "@cdktn/provider-aws/lib/cloudwatch-event-permission";
import { CloudwatchEventRule } from "@cdktn/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktn/provider-aws/lib/cloudwatch-event-target";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import type { AccountContext } from "../shared/names";
import { assumeRolePolicy, policyDocument } from "../shared/policy";

export interface CloudWatchEventsProps {
  account: AccountContext;
  /** e.g. `acme_prod_streamalert_all_events` */
  name: string;
  streamArn: string;
  /** @default `{"account": [<account id>]}` */
  eventPattern?: Record<string, unknown>;
  /** region → account ids allowed to put events on this region's default bus */
  crossAccounts?: Record<string, string[]>;
  /** region → organisation ids allowed to put events on this region's default bus */
  organizations?: Record<string, string[]>;
}

export class CloudWatchEvents extends Construct {
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: CloudWatchEventsProps) {
    super(scope, id);
    const { account } = props;
    this.rule = new CloudwatchEventRule(this, "rule", {
      name: props.name,
      description: "StreamAlert: events to the cluster's Kinesis stream",
      eventPattern: JSON.stringify(props.eventPattern ?? { account: [account.accountId] }),
    });
    const role = new IamRole(this, "role", {
      name: `${props.name}_to_kinesis`,
      assumeRolePolicy: assumeRolePolicy("events.amazonaws.com"),
    });
    new IamRolePolicy(this, "role_policy", {
      name: `${props.name}_put_records`,
      role: role.id,
      policy: policyDocument([
        { Action: ["kinesis:PutRecord", "kinesis:PutRecords"], Resource: props.streamArn },
      ]),
    });
    new CloudwatchEventTarget(this, "target", {
      rule: this.rule.name,
      arn: props.streamArn,
      roleArn: role.arn,
      targetId: "streamalert_kinesis",
    });
    // Only this stack's region: other regions' buses need a provider for that region.
    for (const sender of props.crossAccounts?.[account.region] ?? []) {
      new CloudwatchEventPermission(this, `account_${sender}`, {
        principal: sender,
        statementId: `streamalert_account_${sender}`,
      });
    }
    for (const organization of props.organizations?.[account.region] ?? []) {
      new CloudwatchEventPermission(this, `organization_${organization.replace(/\W/g, "_")}`, {
        principal: "*",
        statementId: `streamalert_organization_${organization.replace(/\W/g, "_")}`,
        condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: organization },
      });
    }
  }
}
