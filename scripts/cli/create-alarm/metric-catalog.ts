// The custom metrics each function publishes (namespace StreamAlert), taken from the functions'
// own metric lists so an alarm can only name a metric that exists. The prefixes are
// StreamAlert's, which its `custom_metric_alarms` entries carry (Classifier-FailedParses-PROD).
import { CLASSIFIER_METRIC_UNITS } from "../../../functions/classifier/metrics";
import { RulesEngineMetric } from "../../../functions/rules_engine/metrics";

export interface MetricFunction {
  /** the lambda.json block is `<name>_config` */
  name: string;
  /** StreamAlert's metric name prefix */
  prefix: string;
  metrics: readonly string[];
  /** one function per cluster (its settings live in the cluster file's classifier_config) */
  clustered: boolean;
}

export const METRIC_FUNCTIONS: readonly MetricFunction[] = [
  {
    name: "classifier",
    prefix: "Classifier",
    metrics: Object.keys(CLASSIFIER_METRIC_UNITS).sort(),
    clustered: true,
  },
  {
    name: "rules_engine",
    prefix: "RulesEngine",
    metrics: Object.values(RulesEngineMetric).sort(),
    clustered: false,
  },
];

export function metricFunction(name: string): MetricFunction | undefined {
  return METRIC_FUNCTIONS.find((fn) => fn.name === name);
}

export const COMPARISON_OPERATORS = [
  "GreaterThanOrEqualToThreshold",
  "GreaterThanThreshold",
  "LessThanOrEqualToThreshold",
  "LessThanThreshold",
];
export const STATISTICS = ["Average", "Maximum", "Minimum", "SampleCount", "Sum"];
