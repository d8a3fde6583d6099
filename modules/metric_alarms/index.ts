// User-defined alarms on StreamAlert's custom metrics (`create-alarm` writes them as
// `custom_metric_alarms` into a function's lambda.json block or a cluster's classifier_config).
import { CloudwatchMetricAlarm } from "@cdktn/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";

export interface CustomMetricAlarm {
  metric_name: string;
  comparison_operator: string;
  threshold: number;
  /** @default 1 */
  evaluation_periods?: number;
  /** seconds @default 300 */
  period?: number;
  /** @default "Sum" */
  statistic?: string;
  alarm_description?: string;
}

export interface MetricAlarmsProps {
  /** alarm name → settings */
  alarms: Record<string, CustomMetricAlarm>;
  topicArn: string;
  /** @default "StreamAlert" */
  namespace?: string;
  /** what the functions publish the metrics under (see {@link emfMetric}) */
  account: { prefix: string };
  /** the cluster whose classifier alarms these are */
  cluster?: string;
}

export interface EmfMetric {
  metricName: string;
  dimensions?: Record<string, string>;
}

/**
 * StreamAlert named custom metrics `<Function>-<Metric>[-<CLUSTER>]` (log metric filters). Here
 * the functions publish Embedded Metric Format metrics under their plain name with dimensions,
 * and an alarm only sees data when it names the same dimension set: the classifier's are
 * `service`, `cluster` and `FunctionName`, the rules engine's `service`. Other names pass as is.
 */
export function emfMetric(name: string, account: { prefix: string }, cluster?: string): EmfMetric {
  const classifier = /^Classifier-(\w+?)(?:-([A-Z0-9_]+))?$/.exec(name);
  if (classifier && cluster !== undefined) {
    return {
      metricName: classifier[1],
      dimensions: {
        service: "classifier",
        cluster,
        FunctionName: `${account.prefix}_${cluster}_streamalert_classifier`,
      },
    };
  }
  const rulesEngine = /^RulesEngine-(\w+)$/.exec(name);
  if (rulesEngine) return { metricName: rulesEngine[1], dimensions: { service: "rules_engine" } };
  return { metricName: name };
}

/** The `custom_metric_alarms` block of a settings object, or an empty record. */
export function customMetricAlarms(
  settings: Record<string, unknown> | undefined,
): Record<string, CustomMetricAlarm> {
  const block = settings?.custom_metric_alarms;
  return typeof block === "object" && block !== null && !Array.isArray(block)
    ? (block as Record<string, CustomMetricAlarm>)
    : {};
}

export class MetricAlarms extends Construct {
  constructor(scope: Construct, id: string, props: MetricAlarmsProps) {
    super(scope, id);
    for (const name of Object.keys(props.alarms).sort()) {
      const alarm = props.alarms[name];
      const metric = emfMetric(alarm.metric_name, props.account, props.cluster);
      new CloudwatchMetricAlarm(this, name.replace(/\W/g, "_"), {
        alarmName: name,
        alarmDescription: alarm.alarm_description,
        namespace: props.namespace ?? "StreamAlert",
        metricName: metric.metricName,
        dimensions: metric.dimensions,
        comparisonOperator: alarm.comparison_operator,
        threshold: alarm.threshold,
        evaluationPeriods: alarm.evaluation_periods ?? 1,
        period: alarm.period ?? 300,
        statistic: alarm.statistic ?? "Sum",
        treatMissingData: "notBreaching",
        alarmActions: [props.topicArn],
      });
    }
  }
}
