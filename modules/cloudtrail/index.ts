// `modules.cloudtrail`: a trail encrypted with its own KMS key into a secure bucket that only
// CloudTrail may write, optionally also to CloudWatch Logs forwarded to the cluster's Kinesis
// stream (`send_to_cloudwatch`), and optionally S3 notifications to the classifier.

import { Cloudtrail } from "@cdktn/provider-aws/lib/cloudtrail";
import { CloudwatchLogGroup } from "@cdktn/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { KmsKey } from "@cdktn/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import type { StreamAlertFunction } from "../lambda";
import { S3Events } from "../s3_events";
import { SecureBucket } from "../secure_bucket";
import { LogsToKinesis } from "../shared/logs-to-kinesis";
import type { AccountContext } from "../shared/names";
import { assumeRolePolicy, policyDocument } from "../shared/policy";

export interface CloudTrailProps {
  account: AccountContext;
  trailName: string;
  bucketName: string;
  /** @default true */
  enableLogging?: boolean;
  /** multi-region trail with global service events @default true */
  isGlobalTrail?: boolean;
  /** stream receiving the trail's CloudWatch Logs (`send_to_cloudwatch`) @default none */
  kinesisStreamArn?: string;
  /** classifier notified of new trail objects (`enable_s3_events`) @default none */
  s3EventsTarget?: StreamAlertFunction;
  accessLogBucket?: string;
  /** @default 14 */
  logRetentionDays?: number;
}

export class CloudTrail extends Construct {
  readonly trail: Cloudtrail;
  readonly bucket: SecureBucket;
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: CloudTrailProps) {
    super(scope, id);
    const { account, trailName } = props;
    const trailArn = `arn:aws:cloudtrail:${account.region}:${account.accountId}:trail/${trailName}`;
    this.key = new KmsKey(this, "key", {
      description: `CloudTrail ${trailName} log files`,
      enableKeyRotation: true,
      policy: policyDocument([
        {
          Sid: "AccountAdmin",
          Principal: { AWS: `arn:aws:iam::${account.accountId}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "CloudTrailEncrypts",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
      ]),
    });
    this.bucket = new SecureBucket(this, "bucket", {
      bucketName: props.bucketName,
      kmsKeyArn: this.key.arn,
      accessLogBucket: props.accessLogBucket,
    });
    this.bucket.addToResourcePolicy({
      Sid: "CloudTrailAclCheck",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: this.bucket.arn,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    });
    this.bucket.addToResourcePolicy({
      Sid: "CloudTrailWrite",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${this.bucket.arn}/AWSLogs/${account.accountId}/*`,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    });

    let cloudWatch: { logGroupArn: string; roleArn: string } | undefined;
    if (props.kinesisStreamArn) cloudWatch = this.forwardToKinesis(props, props.kinesisStreamArn);

    this.trail = new Cloudtrail(this, "trail", {
      name: trailName,
      s3BucketName: this.bucket.bucket.id,
      kmsKeyId: this.key.arn,
      enableLogging: props.enableLogging ?? true,
      isMultiRegionTrail: props.isGlobalTrail ?? true,
      includeGlobalServiceEvents: props.isGlobalTrail ?? true,
      enableLogFileValidation: true,
      cloudWatchLogsGroupArn: cloudWatch ? `${cloudWatch.logGroupArn}:*` : undefined,
      cloudWatchLogsRoleArn: cloudWatch?.roleArn,
      dependsOn: [this.bucket.policy],
    });

    if (props.s3EventsTarget) {
      new S3Events(this, "s3_events", {
        bucketName: props.bucketName,
        target: props.s3EventsTarget,
        filters: [{ filter_prefix: `AWSLogs/${account.accountId}/CloudTrail/` }],
      });
      props.s3EventsTarget.addToRolePolicy({
        Sid: "DecryptCloudTrailObjects",
        Action: ["kms:Decrypt"],
        Resource: this.key.arn,
      });
    }
  }

  private forwardToKinesis(props: CloudTrailProps, streamArn: string) {
    const name = props.trailName;
    const group = new CloudwatchLogGroup(this, "log_group", {
      name: `${name}_events`,
      retentionInDays: props.logRetentionDays ?? 14,
    });
    const trailRole = new IamRole(this, "cloudwatch_role", {
      name: `${name}_cloudwatch_logs`,
      assumeRolePolicy: assumeRolePolicy("cloudtrail.amazonaws.com"),
    });
    new IamRolePolicy(this, "cloudwatch_role_policy", {
      name: `${name}_write_logs`,
      role: trailRole.id,
      policy: policyDocument([
        {
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${group.arn}:*`,
        },
      ]),
    });
    new LogsToKinesis(this, "to_kinesis", {
      name,
      region: props.account.region,
      logGroupName: group.name,
      streamArn,
    });
    return { logGroupArn: group.arn, roleArn: trailRole.arn };
  }
}
