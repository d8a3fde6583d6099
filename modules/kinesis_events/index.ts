// Kinesis → classifier (`modules.kinesis_events`): the event source mapping targets the classifier's
// `production` alias, reports partial batch failures, bisects failing batches and sends what still
// fails to an encrypted SQS failure destination instead of blocking the shard.
import { LambdaEventSourceMapping } from "@cdktn/provider-aws/lib/lambda-event-source-mapping";
import { SqsQueue } from "@cdktn/provider-aws/lib/sqs-queue";
import { Construct } from "constructs";
import type { StreamAlertFunction } from "../lambda";

export interface KinesisEventsProps {
  streamArn: string;
  target: StreamAlertFunction;
  /** @default 100 */
  batchSize?: number;
  /** @default "TRIM_HORIZON" */
  startingPosition?: string;
  /** @default 3 */
  maximumRetryAttempts?: number;
}

export class KinesisEvents extends Construct {
  readonly mapping: LambdaEventSourceMapping;
  readonly failureQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: KinesisEventsProps) {
    super(scope, id);
    const functionName = props.target.functionName;
    this.failureQueue = new SqsQueue(this, "failures", {
      name: `${functionName}_kinesis_failures`,
      messageRetentionSeconds: 1_209_600,
      sqsManagedSseEnabled: true,
    });
    props.target.addToRolePolicy({
      Sid: "ReadKinesis",
      Action: [
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:ListShards",
      ],
      Resource: props.streamArn,
    });
    props.target.addToRolePolicy({
      Sid: "ReportKinesisFailures",
      Action: ["sqs:SendMessage"],
      Resource: this.failureQueue.arn,
    });
    this.mapping = new LambdaEventSourceMapping(this, "mapping", {
      eventSourceArn: props.streamArn,
      functionName: props.target.alias.arn,
      batchSize: props.batchSize ?? 100,
      startingPosition: props.startingPosition ?? "TRIM_HORIZON",
      functionResponseTypes: ["ReportBatchItemFailures"],
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: props.maximumRetryAttempts ?? 3,
      destinationConfig: { onFailure: { destinationArn: this.failureQueue.arn } },
      dependsOn: [props.target.role],
    });
  }
}
