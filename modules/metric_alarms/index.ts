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
      new CloudwatchMetricAlarm(this, name.replace(/\W/g, "_"), {
        alarmName: name,
        alarmDescription: alarm.alarm_description,
        namespace: props.namespace ?? "StreamAlert",
        metricName: alarm.metric_name,
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
