// The global state of StreamAlert: alerts and rules tables, the classified-logs queue with its
// dead-letter queue, KMS keys (data, secrets) and the monitoring topic every alarm notifies.
import { DynamodbTable } from "@cdktn/provider-aws/lib/dynamodb-table";
import { KmsAlias } from "@cdktn/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktn/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktn/provider-aws/lib/sns-topic";
import { SqsQueue } from "@cdktn/provider-aws/lib/sqs-queue";
import { Construct } from "constructs";
import type { AccountContext } from "../shared/names";
import { globalNames } from "../shared/names";
import { policyDocument } from "../shared/policy";

export interface GlobalStorageProps {
  account: AccountContext;
  /** rules engine timeout: the queue's visibility timeout must exceed it */
  rulesEngineTimeout: number;
  /** @default `<prefix>_streamalert_monitoring` */
  monitoringTopicName?: string;
  /** receives before a message goes to the dead-letter queue @default 3 */
  maxReceiveCount?: number;
  /** alerts table capacity; on-demand billing when absent */
  alertsTable?: { read_capacity?: number; write_capacity?: number };
}

/** Visibility above the consumer timeout, with margin (AWS recommends six times for SQS sources). */
export function classifiedQueueVisibility(rulesEngineTimeout: number): number {
  return Math.min(43_200, Math.max(rulesEngineTimeout * 6, rulesEngineTimeout + 30));
}

export class GlobalStorage extends Construct {
  readonly alertsTable: DynamodbTable;
  readonly rulesTable: DynamodbTable;
  readonly classifiedQueue: SqsQueue;
  readonly deadLetterQueue: SqsQueue;
  readonly dataKey: KmsKey;
  readonly secretsKey: KmsKey;
  readonly monitoringTopic: SnsTopic;

  constructor(scope: Construct, id: string, props: GlobalStorageProps) {
    super(scope, id);
    const { prefix, accountId } = props.account;
    const names = globalNames(prefix);
    const root = `arn:aws:iam::${accountId}:root`;

    this.dataKey = new KmsKey(this, "data_key", {
      description: "StreamAlert data: monitoring topic, alerts and log delivery",
      enableKeyRotation: true,
      policy: policyDocument([
        { Sid: "AccountAdmin", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
        {
          Sid: "ServicesPublishEncrypted",
          Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] },
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Resource: "*",
        },
      ]),
    });
    new KmsAlias(this, "data_key_alias", {
      name: names.dataKeyAlias,
      targetKeyId: this.dataKey.keyId,
    });
    this.secretsKey = new KmsKey(this, "secrets_key", {
      description: "StreamAlert output secrets in SSM",
      enableKeyRotation: true,
    });
    new KmsAlias(this, "secrets_key_alias", {
      name: names.secretsKeyAlias,
      targetKeyId: this.secretsKey.keyId,
    });

    this.monitoringTopic = new SnsTopic(this, "monitoring_topic", {
      name: props.monitoringTopicName ?? names.monitoringTopic,
      kmsMasterKeyId: this.dataKey.arn,
    });

    const capacity = props.alertsTable;
    const provisioned = Boolean(capacity?.read_capacity && capacity.write_capacity);
    this.alertsTable = new DynamodbTable(this, "alerts_table", {
      name: names.alertsTable,
      hashKey: "RuleName",
      rangeKey: "AlertID",
      attribute: [
        { name: "RuleName", type: "S" },
        { name: "AlertID", type: "S" },
      ],
      billingMode: provisioned ? "PROVISIONED" : "PAY_PER_REQUEST",
      readCapacity: provisioned ? capacity?.read_capacity : undefined,
      writeCapacity: provisioned ? capacity?.write_capacity : undefined,
      ttl: { attributeName: "TTL", enabled: true },
      streamEnabled: false,
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: true },
    });
    this.rulesTable = new DynamodbTable(this, "rules_table", {
      name: names.rulesTable,
      hashKey: "RuleName",
      attribute: [{ name: "RuleName", type: "S" }],
      billingMode: "PAY_PER_REQUEST",
      serverSideEncryption: { enabled: true },
    });

    this.deadLetterQueue = new SqsQueue(this, "classified_dlq", {
      name: names.classifiedDeadLetterQueue,
      messageRetentionSeconds: 1_209_600,
      sqsManagedSseEnabled: true,
    });
    this.classifiedQueue = new SqsQueue(this, "classified_queue", {
      name: names.classifiedQueue,
      visibilityTimeoutSeconds: classifiedQueueVisibility(props.rulesEngineTimeout),
      messageRetentionSeconds: 345_600,
      sqsManagedSseEnabled: true,
      redrivePolicy: JSON.stringify({
        deadLetterTargetArn: `arn:aws:sqs:${props.account.region}:${accountId}:${names.classifiedDeadLetterQueue}`,
        maxReceiveCount: props.maxReceiveCount ?? 3,
      }),
      dependsOn: [this.deadLetterQueue],
    });
  }
}
