// One cluster's stack contents: the classifier always, then each module its `modules` block turns on.
import { Construct } from "constructs";
import type { ClusterConfig, StreamAlertConfig } from "../functions/shared/config/types";
import { App } from "./apps";
import { Classifier } from "./classifier";
import { CloudTrail } from "./cloudtrail";
import { CloudWatchEvents } from "./cloudwatch_events";
import { CloudWatchLogsDestination } from "./cloudwatch_logs_destination";
import { FlowLogs } from "./flow_logs";
import { KinesisEvents } from "./kinesis_events";
import { KinesisStreams } from "./kinesis_streams";
import type { FunctionArtifact } from "./lambda";
import { customMetricAlarms, MetricAlarms } from "./metric_alarms";
import { Monitoring } from "./monitoring";
import { type S3EventFilter, S3Events } from "./s3_events";
import {
  booleanSetting,
  isEnabled,
  moduleBlock,
  numberSetting,
  stringListSetting,
} from "./shared/cluster-settings";
import { accountContext, arn, monitoringTopicName } from "./shared/names";

export interface ClusterResourcesProps {
  config: StreamAlertConfig;
  cluster: ClusterConfig;
  artifact: (functionKey: string) => FunctionArtifact;
  runtime?: string;
}

export class ClusterResources extends Construct {
  readonly classifier: Classifier;

  constructor(scope: Construct, id: string, props: ClusterResourcesProps) {
    super(scope, id);
    const { config, cluster } = props;
    const account = accountContext(config);
    const topicArn = arn(account, "sns", monitoringTopicName(config));
    this.classifier = new Classifier(this, "classifier", {
      config,
      cluster,
      artifact: props.artifact("classifier"),
      alarmTopicArn: topicArn,
      runtime: props.runtime,
    });
    const target = this.classifier.function;
    const customAlarms = customMetricAlarms(cluster.classifier_config);
    if (Object.keys(customAlarms).length > 0) {
      new MetricAlarms(this, "metric_alarms", {
        alarms: customAlarms,
        topicArn,
        account,
        cluster: cluster.name,
      });
    }

    const streams = moduleBlock(cluster, "kinesis", "streams");
    let stream: KinesisStreams | undefined;
    if (streams) {
      const streamName = String(
        streams.stream_name ?? `${account.prefix}_${cluster.name}_streamalert`,
      );
      stream = new KinesisStreams(this, "kinesis_streams", {
        streamName,
        shards: numberSetting(streams, "shards", 1),
        retentionHours: numberSetting(streams, "retention", 24),
        shardLevelMetrics: streams.shard_level_metrics
          ? stringListSetting(streams, "shard_level_metrics")
          : undefined,
        createUser: booleanSetting(streams, "create_user", false),
        trustedAccounts: stringListSetting(streams, "trusted_accounts"),
      });
      const events = moduleBlock(cluster, "kinesis_events");
      if (isEnabled(events)) {
        new KinesisEvents(this, "kinesis_events", {
          streamArn: stream.stream.arn,
          target,
          batchSize: numberSetting(events, "batch_size", 100),
        });
      }
    }

    const monitoring = moduleBlock(cluster, "cloudwatch_monitoring");
    if (isEnabled(monitoring)) {
      const thresholds = moduleBlock(cluster, "cloudwatch_monitoring", "settings");
      new Monitoring(this, "monitoring", {
        topicArn,
        functionName: booleanSetting(monitoring, "lambda_alarms_enabled", true)
          ? target.functionName
          : undefined,
        streamName:
          stream && booleanSetting(monitoring, "kinesis_alarms_enabled", true)
            ? stream.stream.name
            : undefined,
        lambdaErrorThreshold: numberSetting(thresholds, "lambda_invocation_error_threshold", 0),
        lambdaThrottleThreshold: numberSetting(thresholds, "lambda_throttle_error_threshold", 0),
        iteratorAgeThreshold: numberSetting(
          thresholds,
          "kinesis_iterator_age_error_threshold",
          1_000_000,
        ),
      });
    }

    const s3Events = moduleBlock(cluster, "s3_events") ?? {};
    for (const bucketName of Object.keys(s3Events).sort()) {
      const filters = Array.isArray(s3Events[bucketName])
        ? (s3Events[bucketName] as S3EventFilter[])
        : [];
      new S3Events(this, `s3_events_${bucketName.replace(/\W/g, "_")}`, {
        bucketName,
        target,
        filters,
      });
    }

    const cloudtrail = moduleBlock(cluster, "cloudtrail");
    if (isEnabled(cloudtrail)) {
      const name = `${account.prefix}_${cluster.name}_streamalert_cloudtrail`;
      const toCloudWatch = booleanSetting(cloudtrail, "send_to_cloudwatch", false);
      if (toCloudWatch && !stream) {
        throw new Error(
          `conf/clusters/${cluster.name}.json: modules.cloudtrail.send_to_cloudwatch needs modules.kinesis.streams (the logs are forwarded to that stream)`,
        );
      }
      new CloudTrail(this, "cloudtrail", {
        account,
        trailName: name,
        bucketName: String(cloudtrail?.s3_bucket_name ?? name.replace(/_/g, "-")),
        enableLogging: booleanSetting(cloudtrail, "enable_logging", true),
        isGlobalTrail: booleanSetting(cloudtrail, "is_global_trail", true),
        kinesisStreamArn: toCloudWatch ? stream?.stream.arn : undefined,
        s3EventsTarget: booleanSetting(cloudtrail, "enable_s3_events", false) ? target : undefined,
        accessLogBucket: config.global.infrastructure.s3_access_logging?.bucket_name,
      });
    }

    const baseName = `${account.prefix}_${cluster.name}_streamalert`;
    const needsStream = (key: string) => {
      if (stream) return stream.stream.arn;
      throw new Error(
        `conf/clusters/${cluster.name}.json: modules.${key} needs modules.kinesis.streams (its events go to that stream)`,
      );
    };
    const flowLogs = moduleBlock(cluster, "flow_logs");
    if (isEnabled(flowLogs)) {
      new FlowLogs(this, "flow_logs", {
        name: `${baseName}_flow_logs`,
        region: account.region,
        streamArn: needsStream("flow_logs"),
        vpcs: stringListSetting(flowLogs, "vpcs"),
        subnets: stringListSetting(flowLogs, "subnets"),
        enis: stringListSetting(flowLogs, "enis"),
        logRetentionDays: numberSetting(flowLogs, "log_retention", 7),
      });
    }
    const events = moduleBlock(cluster, "cloudwatch_events");
    if (isEnabled(events)) {
      const crossAccount = moduleBlock(cluster, "cloudwatch_events", "cross_account");
      new CloudWatchEvents(this, "cloudwatch_events", {
        account,
        name: `${baseName}_all_events`,
        streamArn: needsStream("cloudwatch_events"),
        eventPattern: moduleBlock(cluster, "cloudwatch_events", "event_pattern"),
        crossAccounts: crossAccount?.accounts as Record<string, string[]> | undefined,
        organizations: crossAccount?.organizations as Record<string, string[]> | undefined,
      });
    }
    const destinations = moduleBlock(cluster, "cloudwatch_logs_destination");
    if (isEnabled(destinations)) {
      new CloudWatchLogsDestination(this, "cloudwatch_logs_destination", {
        name: baseName,
        streamArn: needsStream("cloudwatch_logs_destination"),
        regions: stringListSetting(destinations, "regions"),
        crossAccountIds: stringListSetting(destinations, "cross_account_ids"),
      });
    }
    const apps = moduleBlock(cluster, "streamalert_apps") ?? {};
    for (const functionName of Object.keys(apps).sort()) {
      const app = moduleBlock(cluster, "streamalert_apps", functionName) ?? {};
      new App(this, `app_${functionName}`, {
        account,
        functionName,
        type: String(app.type ?? app.app_name),
        cluster: cluster.name,
        settings: app,
        classifier: target,
        artifact: props.artifact("apps"),
        alarmTopicArn: topicArn,
        runtime: props.runtime,
      });
    }
  }
}
