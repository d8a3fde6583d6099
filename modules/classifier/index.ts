// The classifier of one cluster: `<prefix>_<cluster>_streamalert_classifier`, allowed to send to
// the classified-logs queue and to the Firehose streams of the enabled log types it may parse,
// subscribed to the SNS topics of `classifier_config.inputs.aws-sns`.
import { LambdaPermission } from "@cdktn/provider-aws/lib/lambda-permission";
import { SnsTopicSubscription } from "@cdktn/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import {
  firehoseLogFilter,
  firehoseStreamName,
} from "../../functions/classifier/senders/firehose-names";
import { expandLogTypeReference } from "../../functions/shared/config/log-types";
import type { ClusterConfig, StreamAlertConfig } from "../../functions/shared/config/types";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { accountContext, arn, classifierName, globalNames } from "../shared/names";

export interface ClassifierProps {
  config: StreamAlertConfig;
  cluster: ClusterConfig;
  artifact: FunctionArtifact;
  alarmTopicArn: string;
  /** @default "nodejs22.x" */
  runtime?: string;
}

/** Every log type any data source of the cluster names, sorted. */
export function clusterLogTypes(config: StreamAlertConfig, cluster: ClusterConfig): string[] {
  const types = new Set<string>();
  for (const resources of Object.values(cluster.data_sources)) {
    for (const references of Object.values(resources ?? {})) {
      for (const reference of references) {
        for (const type of expandLogTypeReference(config.logs, reference)) types.add(type);
      }
    }
  }
  return [...types].sort();
}

export class Classifier extends Construct {
  readonly function: StreamAlertFunction;

  constructor(scope: Construct, id: string, props: ClassifierProps) {
    super(scope, id);
    const { config, cluster } = props;
    const account = accountContext(config);
    const names = globalNames(account.prefix);
    this.function = new StreamAlertFunction(this, "function", {
      functionName: classifierName(account.prefix, cluster.name),
      description: `StreamAlert classifier of cluster ${cluster.name}`,
      artifact: props.artifact,
      settings: cluster.classifier_config,
      runtime: props.runtime,
      alarmTopicArn: props.alarmTopicArn,
      environment: { CLUSTER: cluster.name },
    });
    this.function.addToRolePolicy({
      Sid: "SendClassifiedLogs",
      Action: ["sqs:SendMessage", "sqs:GetQueueUrl"],
      Resource: arn(account, "sqs", names.classifiedQueue),
    });
    const firehose = config.global.infrastructure.firehose ?? {};
    const streamPrefix = firehose.use_prefix === false ? "" : account.prefix;
    const delivered = clusterLogTypes(config, cluster).filter(firehoseLogFilter(firehose));
    if (delivered.length > 0) {
      this.function.addToRolePolicy({
        Sid: "DeliverHistoricalLogs",
        Action: ["firehose:PutRecordBatch"],
        Resource: delivered.map((type) =>
          arn(account, "firehose", `deliverystream/${firehoseStreamName(streamPrefix, type)}`),
        ),
      });
    }
    const topics = cluster.classifier_config.inputs?.["aws-sns"] ?? [];
    topics.forEach((topicArn, index) => {
      new SnsTopicSubscription(this, `sns_input_${index}`, {
        topicArn,
        protocol: "lambda",
        endpoint: this.function.alias.arn,
      });
      new LambdaPermission(this, `sns_input_permission_${index}`, {
        statementId: `InvokeFromSnsInput${index}`,
        action: "lambda:InvokeFunction",
        functionName: this.function.function.functionName,
        qualifier: this.function.alias.name,
        principal: "sns.amazonaws.com",
        sourceArn: topicArn,
      });
    });
  }
}
