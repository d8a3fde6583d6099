// Historical search (`infrastructure.firehose`, `alerts_firehose`): the data bucket, one delivery
// stream per enabled log type into `<log_type>/dt=YYYY-MM-DD-HH/` (gzip JSON) with its Glue table,
// min-records alarms where configured, and the alerts stream with the `alerts` table.
import { CloudwatchMetricAlarm } from "@cdktn/provider-aws/lib/cloudwatch-metric-alarm";
import { GlueCatalogDatabase } from "@cdktn/provider-aws/lib/glue-catalog-database";
import { GlueCatalogTable } from "@cdktn/provider-aws/lib/glue-catalog-table";
import { IamRole } from "@cdktn/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy";
import { KinesisFirehoseDeliveryStream } from "@cdktn/provider-aws/lib/kinesis-firehose-delivery-stream";
import { Construct } from "constructs";
import {
  firehoseLogFilter,
  firehoseStreamName,
} from "../../functions/classifier/senders/firehose-names";
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { SecureBucket } from "../secure_bucket";
import { globalNames } from "../shared/names";
import { assumeRolePolicy, policyDocument } from "../shared/policy";
import { ALERT_COLUMNS, type GlueColumn, glueColumns } from "./glue-columns";

export { ALERT_COLUMNS, glueColumns, glueType } from "./glue-columns";

export interface FirehoseProps {
  config: StreamAlertConfig;
  alarmTopicArn: string;
  /** receives the access logs of the data bucket @default none */
  accessLogBucket?: string;
}

/** Glue/Athena table name of a log type: `osquery:differential` → `osquery_differential`. */
export function tableName(logType: string): string {
  return logType.replace(/\W/g, "_").toLowerCase();
}

export class Firehose extends Construct {
  readonly dataBucket: SecureBucket;
  readonly database: GlueCatalogDatabase;
  readonly alertsStream: KinesisFirehoseDeliveryStream;
  readonly streams: Record<string, KinesisFirehoseDeliveryStream> = {};
  private readonly role: IamRole;

  constructor(scope: Construct, id: string, props: FirehoseProps) {
    super(scope, id);
    const { config } = props;
    const prefix = config.global.account.prefix;
    const names = globalNames(prefix);
    const settings = config.global.infrastructure.firehose ?? {};
    this.dataBucket = new SecureBucket(this, "data_bucket", {
      bucketName: settings.bucket_name ?? names.dataBucket,
      accessLogBucket: props.accessLogBucket,
    });
    this.database = new GlueCatalogDatabase(this, "database", { name: names.athenaDatabase });
    this.role = new IamRole(this, "role", {
      name: `${prefix}_streamalert_firehose_delivery_role`,
      assumeRolePolicy: assumeRolePolicy("firehose.amazonaws.com"),
    });
    new IamRolePolicy(this, "role_policy", {
      name: `${prefix}_streamalert_firehose_delivery`,
      role: this.role.id,
      policy: policyDocument([
        {
          Sid: "WriteDataBucket",
          Action: [
            "s3:PutObject",
            "s3:AbortMultipartUpload",
            "s3:GetBucketLocation",
            "s3:ListBucket",
          ],
          Resource: [this.dataBucket.arn, `${this.dataBucket.arn}/*`],
        },
      ]),
    });

    const streamPrefix = settings.use_prefix === false ? "" : prefix;
    const isEnabled = firehoseLogFilter(settings);
    for (const logType of Object.keys(config.logs).sort().filter(isEnabled)) {
      const stream = this.addStream(
        logType.replace(/\W/g, "_"),
        firehoseStreamName(streamPrefix, logType),
        tableName(logType),
        glueColumns(config.logs[logType]),
        { size: settings.buffer_size ?? 128, interval: settings.buffer_interval ?? 900 },
      );
      this.streams[logType] = stream;
      const alarm =
        settings.enabled_logs?.[logType] ?? settings.enabled_logs?.[logType.split(":")[0]];
      if (alarm?.enable_alarm === true) {
        new CloudwatchMetricAlarm(this, `${logType.replace(/\W/g, "_")}_min_records`, {
          alarmName: `${stream.name}_record_count`,
          alarmDescription: `${logType}: fewer records delivered than expected`,
          namespace: "AWS/Firehose",
          metricName: "IncomingRecords",
          dimensions: { DeliveryStreamName: firehoseStreamName(streamPrefix, logType) },
          statistic: "Sum",
          comparisonOperator: "LessThanThreshold",
          threshold: Number(alarm.log_min_count_threshold ?? 1000),
          evaluationPeriods: Number(alarm.evaluation_periods ?? 1),
          period: Number(alarm.period_seconds ?? 86_400),
          alarmActions: [props.alarmTopicArn],
        });
      }
    }
    const alerts = config.global.infrastructure.alerts_firehose ?? {};
    this.alertsStream = this.addStream("alerts", names.alertsFirehose, "alerts", ALERT_COLUMNS, {
      size: Number(alerts.buffer_size ?? 64),
      interval: Number(alerts.buffer_interval ?? 300),
    });
  }

  private addStream(
    id: string,
    streamName: string,
    table: string,
    columns: GlueColumn[],
    buffer: { size: number; interval: number },
  ): KinesisFirehoseDeliveryStream {
    new GlueCatalogTable(this, `${id}_table`, {
      name: table,
      databaseName: this.database.name,
      tableType: "EXTERNAL_TABLE",
      partitionKeys: [{ name: "dt", type: "string" }],
      storageDescriptor: {
        location: `s3://${this.dataBucket.bucketName}/${table}/`,
        inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        serDeInfo: {
          serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
          parameters: { "ignore.malformed.json": "true", "case.insensitive": "true" },
        },
        columns,
      },
    });
    return new KinesisFirehoseDeliveryStream(this, `${id}_stream`, {
      name: streamName,
      destination: "extended_s3",
      serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
      extendedS3Configuration: {
        roleArn: this.role.arn,
        bucketArn: this.dataBucket.arn,
        prefix: `${table}/dt=!{timestamp:yyyy-MM-dd-HH}/`,
        errorOutputPrefix: `${table}_errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd-HH}/`,
        bufferingSize: buffer.size,
        bufferingInterval: buffer.interval,
        compressionFormat: "GZIP",
      },
    });
  }
}
