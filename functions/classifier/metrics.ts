import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";

/** The classifier's metrics (SPEC §3.6), namespace `StreamAlert`, per cluster. */
export const CLASSIFIER_METRIC_UNITS = {
  TotalRecords: MetricUnit.Count,
  FailedParses: MetricUnit.Count,
  TotalProcessedSize: MetricUnit.Bytes,
  TotalS3Records: MetricUnit.Count,
  S3DownloadTime: MetricUnit.Milliseconds,
  SQSRecordsSent: MetricUnit.Count,
  SQSFailedRecords: MetricUnit.Count,
  FirehoseRecordsSent: MetricUnit.Count,
  FirehoseFailedRecords: MetricUnit.Count,
  NormalizedRecords: MetricUnit.Count,
} as const;

export type ClassifierMetricName = keyof typeof CLASSIFIER_METRIC_UNITS;

/** What the core and the senders report to; sums per invocation. */
export interface ClassifierMetrics {
  add(name: ClassifierMetricName, value: number): void;
}

/** Sums in memory; the local runner and tests read them back. */
export class InMemoryClassifierMetrics implements ClassifierMetrics {
  readonly totals = new Map<ClassifierMetricName, number>();

  add(name: ClassifierMetricName, value: number): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + value);
  }

  get(name: ClassifierMetricName): number {
    return this.totals.get(name) ?? 0;
  }
}

/** Metrics that are always published, even as 0, so alarms on them see data every invocation. */
const ALWAYS_PUBLISHED: ClassifierMetricName[] = [
  "TotalRecords",
  "FailedParses",
  "SQSRecordsSent",
  "SQSFailedRecords",
];

/**
 * CloudWatch Embedded Metric Format through Powertools: one EMF line per invocation holding the
 * summed values, dimensions `cluster` and `FunctionName` (plus Powertools' `service`).
 */
export class EmfClassifierMetrics extends InMemoryClassifierMetrics {
  private readonly metrics: Metrics;

  constructor(options: { cluster: string; functionName: string }) {
    super();
    this.metrics = new Metrics({
      namespace: "StreamAlert",
      serviceName: "classifier",
      defaultDimensions: { cluster: options.cluster, FunctionName: options.functionName },
    });
  }

  /** Writes the sums of this invocation and starts from zero again. */
  publish(): void {
    for (const name of ALWAYS_PUBLISHED) if (!this.totals.has(name)) this.totals.set(name, 0);
    for (const [name, value] of this.totals) {
      this.metrics.addMetric(name, CLASSIFIER_METRIC_UNITS[name], value);
    }
    this.metrics.publishStoredMetrics();
    this.totals.clear();
  }
}
