// The global stack's contents: shared storage plus the global functions (rules engine on the
// classified-logs queue, alert merger every minute, alert processor), each through modules/lambda.
import { LambdaEventSourceMapping } from "@cdktn/provider-aws/lib/lambda-event-source-mapping";
import { Construct } from "constructs";
import type { LambdaSettings, StreamAlertConfig } from "../../functions/shared/config/types";
import { Athena } from "../athena";
import { Firehose } from "../firehose";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { LookupTables } from "../lookup_tables";
import { customMetricAlarms, MetricAlarms } from "../metric_alarms";
import { RulePromotion } from "../rule_promotion";
import { ScheduledQueries, type ScheduledQueriesSettings } from "../scheduled_queries";
import { accountContext, arn, globalNames, monitoringTopicName } from "../shared/names";
import { ThreatIntel } from "../threat_intel";
import { processorOutputStatements } from "./processor-outputs";
import { GlobalStorage } from "./storage";

export { classifiedQueueVisibility, GlobalStorage } from "./storage";

export interface GlobalsProps {
  config: StreamAlertConfig;
  /** function key (`rules_engine`, `alert_merger`, `alert_processor`) → its zip */
  artifact: (functionKey: string) => FunctionArtifact;
  /** @default "nodejs22.x" */
  runtime?: string;
}

export class Globals extends Construct {
  readonly storage: GlobalStorage;
  readonly rulesEngine: StreamAlertFunction;
  readonly alertMerger: StreamAlertFunction;
  readonly alertProcessor: StreamAlertFunction;
  readonly firehose?: Firehose;
  readonly athena?: Athena;
  readonly threatIntel?: ThreatIntel;

  constructor(scope: Construct, id: string, props: GlobalsProps) {
    super(scope, id);
    const { config } = props;
    const account = accountContext(config);
    const names = globalNames(account.prefix);
    const settings = (key: string): LambdaSettings => config.lambda[`${key}_config`] ?? {};
    const rulesEngineSettings = settings("rules_engine");

    this.storage = new GlobalStorage(this, "storage", {
      account,
      rulesEngineTimeout: rulesEngineSettings.timeout ?? 60,
      monitoringTopicName: monitoringTopicName(config),
      alertsTable: config.global.infrastructure.alerts_table,
    });
    const { alertsTable, rulesTable, classifiedQueue, monitoringTopic, secretsKey } = this.storage;
    const common = { runtime: props.runtime, alarmTopicArn: monitoringTopic.arn };

    this.rulesEngine = new StreamAlertFunction(this, "rules_engine", {
      ...common,
      functionName: names.rulesEngine,
      description: "StreamAlert rules engine: classified records → rules → alerts table",
      artifact: props.artifact("rules_engine"),
      settings: rulesEngineSettings,
      environment: { ALERTS_TABLE: names.alertsTable, RULES_TABLE: names.rulesTable },
    });
    this.rulesEngine.addToRolePolicy({
      Sid: "ConsumeClassifiedLogs",
      Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
      Resource: classifiedQueue.arn,
    });
    this.rulesEngine.addToRolePolicy({
      Sid: "WriteAlerts",
      Action: ["dynamodb:PutItem", "dynamodb:BatchWriteItem"],
      Resource: alertsTable.arn,
    });
    this.rulesEngine.addToRolePolicy({
      Sid: "ReadRuleStaging",
      Action: ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query"],
      Resource: rulesTable.arn,
    });
    new LambdaEventSourceMapping(this, "rules_engine_queue_mapping", {
      eventSourceArn: classifiedQueue.arn,
      functionName: this.rulesEngine.alias.arn,
      batchSize: Number(rulesEngineSettings.sqs_record_batch_size ?? 10),
      functionResponseTypes: ["ReportBatchItemFailures"],
      dependsOn: [this.rulesEngine.role],
    });

    const processorSettings = settings("alert_processor");
    this.alertProcessor = new StreamAlertFunction(this, "alert_processor", {
      ...common,
      functionName: names.alertProcessor,
      description: "StreamAlert alert processor: delivers one alert to its outputs",
      artifact: props.artifact("alert_processor"),
      settings: processorSettings,
      environment: { ALERTS_TABLE: names.alertsTable },
    });
    this.alertProcessor.addToRolePolicy({
      Sid: "ReadAndSettleAlerts",
      Action: ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
      Resource: alertsTable.arn,
    });
    this.alertProcessor.addToRolePolicy({
      Sid: "ReadOutputSecrets",
      Action: ["ssm:GetParameter"],
      Resource: arn(account, "ssm", `parameter/${account.prefix}/streamalert/outputs/*`),
    });
    this.alertProcessor.addToRolePolicy({
      Sid: "DecryptOutputSecrets",
      Action: ["kms:Decrypt"],
      Resource: secretsKey.arn,
    });
    for (const statement of processorOutputStatements(config, account)) {
      this.alertProcessor.addToRolePolicy(statement);
    }

    const mergerSettings = settings("alert_merger");
    this.alertMerger = new StreamAlertFunction(this, "alert_merger", {
      ...common,
      functionName: names.alertMerger,
      description: "StreamAlert alert merger: dispatches due alerts every minute",
      artifact: props.artifact("alert_merger"),
      settings: {
        ...mergerSettings,
        schedule_expression: mergerSettings.schedule_expression ?? "rate(1 minute)",
      },
      environment: {
        ALERTS_TABLE: names.alertsTable,
        ALERT_PROCESSOR: names.alertProcessor,
        ALERT_PROCESSOR_QUALIFIER: "production",
        ALERT_PROCESSOR_TIMEOUT_SEC: String(this.alertProcessor.timeout),
      },
    });
    this.alertMerger.addToRolePolicy({
      Sid: "MergeAlerts",
      Action: [
        "dynamodb:Query",
        "dynamodb:Scan",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
      ],
      Resource: alertsTable.arn,
    });
    this.alertMerger.addToRolePolicy({
      Sid: "InvokeAlertProcessor",
      Action: ["lambda:InvokeFunction"],
      Resource: this.alertProcessor.alias.arn,
    });

    const accessLogBucket = config.global.infrastructure.s3_access_logging?.bucket_name;
    if (config.global.infrastructure.firehose?.enabled) {
      const firehose = new Firehose(this, "firehose", {
        config,
        alarmTopicArn: monitoringTopic.arn,
        accessLogBucket,
      });
      this.firehose = firehose;
      this.rulesEngine.addToRolePolicy({
        Sid: "DeliverAlerts",
        Action: ["firehose:PutRecordBatch"],
        Resource: firehose.alertsStream.arn,
      });
      this.athena = new Athena(this, "athena", {
        account,
        dataBucket: firehose.dataBucket,
        databaseName: firehose.database.name,
        artifact: props.artifact("athena_partitioner"),
        settings: settings("athena_partitioner"),
        alarmTopicArn: monitoringTopic.arn,
        runtime: props.runtime,
        accessLogBucket,
      });
    }

    const intelOn =
      config.threatIntel.enabled ||
      Object.values(config.clusters).some((cluster) => cluster.enable_threat_intel === true);
    if (intelOn) {
      this.threatIntel = new ThreatIntel(this, "threat_intel", {
        account,
        tableName: config.threatIntel.dynamodb_table_name,
        rulesEngine: this.rulesEngine,
        downloaderSettings: config.lambda.threat_intel_downloader_config,
        downloaderArtifact: props.artifact("threat_intel_downloader"),
        alarmTopicArn: monitoringTopic.arn,
        runtime: props.runtime,
      });
    }
    if (config.lookupTables.enabled) {
      new LookupTables(this, "lookup_tables", {
        account,
        config: config.lookupTables,
        reader: this.rulesEngine,
      });
    }

    const promotion = settings("rule_promotion");
    if (config.global.infrastructure.rule_staging?.enabled && promotion.enabled === true) {
      new RulePromotion(this, "rule_promotion", {
        account,
        settings: promotion,
        rulesTableArn: rulesTable.arn,
        dataKeyArn: this.storage.dataKey.arn,
        athenaResultsBucketArn: this.athena?.resultsBucket.arn,
        dataBucketArn: this.firehose?.dataBucket.arn,
        artifact: props.artifact("rule_promotion"),
        alarmTopicArn: monitoringTopic.arn,
        runtime: props.runtime,
      });
    }
    for (const block of Object.keys(config.lambda).sort()) {
      const alarms = customMetricAlarms(config.lambda[block]);
      if (Object.keys(alarms).length === 0) continue;
      new MetricAlarms(this, `${block}_metric_alarms`, {
        alarms,
        topicArn: monitoringTopic.arn,
        account: { prefix: config.global.account.prefix },
      });
    }

    const scheduled = config.scheduledQueries as
      | (ScheduledQueriesSettings & { enabled?: boolean })
      | undefined;
    if (scheduled?.enabled === true) {
      new ScheduledQueries(this, "scheduled_queries", {
        account,
        settings: scheduled,
        artifact: props.artifact("scheduled_queries"),
        alarmTopicArn: monitoringTopic.arn,
        athenaResultsBucketArn: this.athena?.resultsBucket.arn,
        dataBucketArn: this.firehose?.dataBucket.arn,
        runtime: props.runtime,
      });
    }
  }
}
