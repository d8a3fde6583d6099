import { type Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";

/** Metric names of the rules engine (CloudWatch, namespace set by the handler). */
export const RulesEngineMetric = {
  TriggeredAlerts: "TriggeredAlerts",
  FailedDynamoWrites: "FailedDynamoWrites",
  /** per rule: dimension RuleName */
  RuleErrors: "RuleErrors",
  /** SQS bodies (or entries in them) that are not classified records: logged, not retried */
  MalformedMessages: "MalformedMessages",
} as const;
export type RulesEngineMetricName = (typeof RulesEngineMetric)[keyof typeof RulesEngineMetric];

/** What the core needs from a metrics backend: counters, optionally with dimensions. */
export interface MetricsSink {
  count(name: RulesEngineMetricName, value: number, dimensions?: Record<string, string>): void;
}

export const noMetrics: MetricsSink = { count: () => undefined };

/**
 * Powertools EMF metrics: plain counters are buffered until the handler publishes them;
 * dimensioned ones (RuleErrors per rule) go out as single metrics, since one EMF document
 * carries one set of dimensions.
 */
export function powertoolsMetricsSink(metrics: Metrics): MetricsSink {
  return {
    count(name, value, dimensions) {
      if (dimensions === undefined) {
        metrics.addMetric(name, MetricUnit.Count, value);
        return;
      }
      const single = metrics.singleMetric();
      single.addDimensions(dimensions);
      single.addMetric(name, MetricUnit.Count, value);
    },
  };
}
