// A cluster's Kinesis stream (`modules.kinesis.streams`): KMS-encrypted, shard-level metrics,
// optionally an IAM user + group allowed to write (`create_user`) and a writer role that trusted
// accounts assume (`trusted_accounts`).
import { IamGroup } from "@cdktn/provider-aws/lib/iam-group";
import { IamGroupPolicy } from "@cdktn/provider-aws/lib/iam-group-policy";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { IamUser } from "@cdktn/provider-aws/lib/iam-user";
import { IamUserGroupMembership } from "@cdktn/provider-aws/lib/iam-user-group-membership";
import { KinesisStream } from "@cdktn/provider-aws/lib/kinesis-stream";
import { Construct } from "constructs";
import { policyDocument } from "../shared/policy";

export interface KinesisStreamsProps {
  streamName: string;
  /** @default 1 */
  shards?: number;
  /** hours @default 24 */
  retentionHours?: number;
  /** @default ["IncomingBytes", "IncomingRecords", "IteratorAgeMilliseconds"] */
  shardLevelMetrics?: string[];
  /** create an IAM user and group allowed to put records @default false */
  createUser?: boolean;
  /** account ids allowed to assume a writer role @default none */
  trustedAccounts?: string[];
  /** @default "alias/aws/kinesis" */
  kmsKeyId?: string;
}

const WRITE_ACTIONS = ["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStream"];

export class KinesisStreams extends Construct {
  readonly stream: KinesisStream;

  constructor(scope: Construct, id: string, props: KinesisStreamsProps) {
    super(scope, id);
    const name = props.streamName;
    this.stream = new KinesisStream(this, "stream", {
      name,
      shardCount: props.shards ?? 1,
      retentionPeriod: props.retentionHours ?? 24,
      shardLevelMetrics: props.shardLevelMetrics ?? [
        "IncomingBytes",
        "IncomingRecords",
        "IteratorAgeMilliseconds",
      ],
      encryptionType: "KMS",
      kmsKeyId: props.kmsKeyId ?? "alias/aws/kinesis",
    });
    const writePolicy = policyDocument([
      { Sid: "WriteStream", Action: WRITE_ACTIONS, Resource: this.stream.arn },
    ]);
    if (props.createUser) {
      const user = new IamUser(this, "user", { name: `${name}_stream_user` });
      const group = new IamGroup(this, "group", { name: `${name}_stream_writers` });
      new IamGroupPolicy(this, "group_policy", {
        name: `${name}_write`,
        group: group.name,
        policy: writePolicy,
      });
      new IamUserGroupMembership(this, "membership", { user: user.name, groups: [group.name] });
    }
    const trusted = props.trustedAccounts ?? [];
    if (trusted.length > 0) {
      const role = new IamRole(this, "writer_role", {
        name: `${name}_writer`,
        assumeRolePolicy: policyDocument([
          {
            Action: "sts:AssumeRole",
            Principal: { AWS: trusted.map((account) => `arn:aws:iam::${account}:root`) },
          },
        ]),
      });
      new IamRolePolicy(this, "writer_policy", {
        name: `${name}_write`,
        role: role.id,
        policy: writePolicy,
      });
    }
  }
}
