// `modules.cloudwatch_monitoring`: alarms on the cluster's classifier (errors, throttles, iterator
// age) and Kinesis stream (iterator age, write throughput exceeded), all to the monitoring topic.
import { CloudwatchMetricAlarm } from "@cdktn/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";

export interface MonitoringProps {
  topicArn: string;
  functionName?: string;
  streamName?: string;
  /** @default 0 */
  lambdaErrorThreshold?: number;
  /** @default 0 */
  lambdaThrottleThreshold?: number;
  /** milliseconds @default 1,000,000 */
  iteratorAgeThreshold?: number;
  /** @default 0 */
  writeExceededThreshold?: number;
}

interface AlarmSpec {
  id: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  threshold: number;
  statistic: string;
}

export class Monitoring extends Construct {
  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const specs: AlarmSpec[] = [];
    if (props.functionName) {
      const dimensions = { FunctionName: props.functionName };
      const lambda = { namespace: "AWS/Lambda", dimensions, statistic: "Sum" };
      specs.push(
        {
          ...lambda,
          id: "lambda_errors",
          metricName: "Errors",
          threshold: props.lambdaErrorThreshold ?? 0,
        },
        {
          ...lambda,
          id: "lambda_throttles",
          metricName: "Throttles",
          threshold: props.lambdaThrottleThreshold ?? 0,
        },
        {
          ...lambda,
          id: "lambda_iterator_age",
          metricName: "IteratorAge",
          statistic: "Maximum",
          threshold: props.iteratorAgeThreshold ?? 1_000_000,
        },
      );
    }
    if (props.streamName) {
      const kinesis = { namespace: "AWS/Kinesis", dimensions: { StreamName: props.streamName } };
      specs.push(
        {
          ...kinesis,
          id: "kinesis_iterator_age",
          metricName: "GetRecords.IteratorAgeMilliseconds",
          statistic: "Maximum",
          threshold: props.iteratorAgeThreshold ?? 1_000_000,
        },
        {
          ...kinesis,
          id: "kinesis_write_exceeded",
          metricName: "WriteProvisionedThroughputExceeded",
          statistic: "Sum",
          threshold: props.writeExceededThreshold ?? 0,
        },
      );
    }
    for (const spec of specs) {
      const subject =
        props.functionName && spec.namespace === "AWS/Lambda"
          ? props.functionName
          : props.streamName;
      new CloudwatchMetricAlarm(this, spec.id, {
        alarmName: `${subject}_${spec.metricName}_monitoring`,
        alarmDescription: `${subject} ${spec.metricName} above ${spec.threshold}`,
        namespace: spec.namespace,
        metricName: spec.metricName,
        dimensions: spec.dimensions,
        statistic: spec.statistic,
        threshold: spec.threshold,
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 1,
        period: 300,
        treatMissingData: "notBreaching",
        alarmActions: [props.topicArn],
      });
    }
  }
}
