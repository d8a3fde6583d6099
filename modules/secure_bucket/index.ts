// An S3 bucket secure by default: server-side encryption (KMS when a key is given), public access
// blocked, a TLS-only bucket policy, owner-enforced objects, optional access logging. Modules that
// need a bucket (firehose, athena, cloudtrail) create it here and add their own policy statements.
import { S3Bucket } from "@cdktn/provider-aws/lib/s3-bucket";
import { S3BucketLoggingA } from "@cdktn/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktn/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktn/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktn/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktn/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktn/provider-aws/lib/s3-bucket-versioning";
import { Lazy } from "cdktn";
import { Construct } from "constructs";
import { type PolicyStatement, policyDocument } from "../shared/policy";

export interface SecureBucketProps {
  bucketName: string;
  /** KMS key ARN for SSE-KMS @default SSE-S3 (AES256) */
  kmsKeyArn?: string;
  /** bucket receiving access logs (`s3_access_logging.bucket_name`) @default no access logging */
  accessLogBucket?: string;
  /** @default false */
  versioning?: boolean;
  /** @default false: `terraform destroy` keeps a bucket holding data */
  forceDestroy?: boolean;
}

export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly bucketName: string;
  readonly policy: S3BucketPolicy;
  private readonly statements: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    this.bucketName = props.bucketName;
    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: this.bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: props.kmsKeyArn
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }
            : { sseAlgorithm: "AES256" },
          bucketKeyEnabled: Boolean(props.kmsKeyArn),
        },
      ],
    });
    new S3BucketPublicAccessBlock(this, "public_access_block", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: this.bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    if (props.versioning) {
      new S3BucketVersioningA(this, "versioning", {
        bucket: this.bucket.id,
        versioningConfiguration: { status: "Enabled" },
      });
    }
    if (props.accessLogBucket) {
      new S3BucketLoggingA(this, "access_logging", {
        bucket: this.bucket.id,
        targetBucket: props.accessLogBucket,
        targetPrefix: `${props.bucketName}/`,
      });
    }
    this.statements.push({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket: this.bucket.id,
      policy: Lazy.stringValue({ produce: () => policyDocument(this.statements) }),
    });
  }

  /** Add a statement to the bucket policy (e.g. a service writing into it). */
  addToResourcePolicy(statement: PolicyStatement): void {
    this.statements.push(statement);
  }

  get arn(): string {
    return this.bucket.arn;
  }
}
