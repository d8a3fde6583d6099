// Athena (`infrastructure.firehose` on): the query results bucket, a queue receiving the data
// bucket's ObjectCreated notifications, and the athena partitioner that adds `dt=` partitions
// from them (event source mapping on its `production` alias, partial batch responses).
import { LambdaEventSourceMapping } from "@cdktn/provider-aws/lib/lambda-event-source-mapping";
import { S3BucketNotification } from "@cdktn/provider-aws/lib/s3-bucket-notification";
import { SqsQueue } from "@cdktn/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktn/provider-aws/lib/sqs-queue-policy";
import { Construct } from "constructs";
import type { LambdaSettings } from "../../functions/shared/config/types";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { SecureBucket } from "../secure_bucket";
import { type AccountContext, arn, globalNames } from "../shared/names";
import { policyDocument } from "../shared/policy";

export interface AthenaProps {
  account: AccountContext;
  dataBucket: SecureBucket;
  databaseName: string;
  artifact: FunctionArtifact;
  settings?: LambdaSettings;
  alarmTopicArn: string;
  runtime?: string;
  accessLogBucket?: string;
}

export class Athena extends Construct {
  readonly resultsBucket: SecureBucket;
  readonly notificationQueue: SqsQueue;
  readonly partitioner: StreamAlertFunction;

  constructor(scope: Construct, id: string, props: AthenaProps) {
    super(scope, id);
    const { account } = props;
    const names = globalNames(account.prefix);
    this.resultsBucket = new SecureBucket(this, "results_bucket", {
      bucketName: names.athenaResultsBucket,
      accessLogBucket: props.accessLogBucket,
    });
    this.partitioner = new StreamAlertFunction(this, "partitioner", {
      functionName: names.athenaPartitioner,
      description: "StreamAlert athena partitioner: adds dt= partitions for new data objects",
      artifact: props.artifact,
      settings: props.settings,
      runtime: props.runtime,
      alarmTopicArn: props.alarmTopicArn,
      environment: {
        ATHENA_DATABASE: props.databaseName,
        ATHENA_RESULTS_BUCKET: names.athenaResultsBucket,
      },
    });
    const queueName = `${account.prefix}_streamalert_athena_s3_notifications`;
    this.notificationQueue = new SqsQueue(this, "notifications", {
      name: queueName,
      visibilityTimeoutSeconds: Math.max(this.partitioner.timeout * 6, 60),
      sqsManagedSseEnabled: true,
    });
    new SqsQueuePolicy(this, "notifications_policy", {
      queueUrl: this.notificationQueue.url,
      policy: policyDocument([
        {
          Sid: "DataBucketNotifications",
          Principal: { Service: "s3.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: arn(account, "sqs", queueName),
          Condition: { ArnEquals: { "aws:SourceArn": props.dataBucket.arn } },
        },
      ]),
    });
    new S3BucketNotification(this, "data_notifications", {
      bucket: props.dataBucket.bucket.id,
      queue: [{ queueArn: this.notificationQueue.arn, events: ["s3:ObjectCreated:*"] }],
    });
    const fn = this.partitioner;
    fn.addToRolePolicy({
      Sid: "ConsumeNotifications",
      Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
      Resource: this.notificationQueue.arn,
    });
    fn.addToRolePolicy({
      Sid: "RunPartitionQueries",
      Action: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"],
      Resource: arn(account, "athena", "workgroup/primary"),
    });
    fn.addToRolePolicy({
      Sid: "UpdateCatalog",
      Action: [
        "glue:GetTable",
        "glue:GetDatabase",
        "glue:BatchCreatePartition",
        "glue:GetPartitions",
      ],
      Resource: [
        arn(account, "glue", "catalog"),
        arn(account, "glue", `database/${props.databaseName}`),
        arn(account, "glue", `table/${props.databaseName}/*`),
      ],
    });
    fn.addToRolePolicy({
      Sid: "QueryResultsAndData",
      Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"],
      Resource: [
        this.resultsBucket.arn,
        `${this.resultsBucket.arn}/*`,
        props.dataBucket.arn,
        `${props.dataBucket.arn}/*`,
      ],
    });
    new LambdaEventSourceMapping(this, "notifications_mapping", {
      eventSourceArn: this.notificationQueue.arn,
      functionName: fn.alias.arn,
      batchSize: 10,
      functionResponseTypes: ["ReportBatchItemFailures"],
      dependsOn: [fn.role],
    });
  }
}
