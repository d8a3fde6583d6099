// `streamalert create-alarm` and `create-cluster-alarm`: CloudWatch alarms on StreamAlert's
// custom metrics, written as `custom_metric_alarms` entries the way StreamAlert wrote them: a
// function's lambda.json block (metric `<Function>-<Metric>`, all clusters together) or a
// cluster's classifier_config (metric `Classifier-<Metric>-<CLUSTER>`).
import type { Command } from "commander";
import type { StreamAlertConfig } from "../../functions/shared/config";
import { type ConfEdit, editConf } from "./conf-edit";
import {
  COMPARISON_OPERATORS,
  METRIC_FUNCTIONS,
  type MetricFunction,
  metricFunction,
  STATISTICS,
} from "./create-alarm/metric-catalog";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  parseNumber,
  parsePositiveInteger,
  printWarnings,
  say,
} from "./shared/command-action";
import { asObject, objectAt, readConf, selectClusters } from "./shared/conf-access";

interface AlarmOptions {
  metric: string;
  function: string;
  comparisonOperator: string;
  evaluationPeriods: string;
  period: string;
  threshold: string;
  statistic: string;
  alarmDescription?: string;
  cluster?: string[];
  configDir: string;
}

interface AlarmSettings {
  metric_name: string;
  comparison_operator: string;
  evaluation_periods: number;
  period: number;
  threshold: number;
  statistic: string;
  alarm_description: string;
}

const SECONDS_PER_DAY = 86_400;
const ALL_METRICS = METRIC_FUNCTIONS.map((fn) => `${fn.name}: ${fn.metrics.join(", ")}`).join("; ");

function oneOf(flag: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) {
    throw new CliUsageError(`${flag} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
  }
  return value;
}

/** Checks the flags as CloudWatch would and returns the settings without the metric prefix. */
function alarmSettings(name: string, options: AlarmOptions, fn: MetricFunction): AlarmSettings {
  if (name.length < 1 || name.length > 255) {
    throw new CliUsageError("the alarm name must be 1 to 255 characters long");
  }
  if (!fn.metrics.includes(options.metric)) {
    throw new CliUsageError(
      `--metric ${JSON.stringify(options.metric)} is not published by ${fn.name}; it publishes ${fn.metrics.join(", ")}`,
    );
  }
  const evaluationPeriods = parsePositiveInteger("--evaluation-periods", options.evaluationPeriods);
  const period = parsePositiveInteger("--period", options.period);
  if (period % 60 !== 0) {
    throw new CliUsageError(`--period must be a multiple of 60 seconds, got ${period}`);
  }
  if (period * evaluationPeriods > SECONDS_PER_DAY) {
    throw new CliUsageError(
      `--period × --evaluation-periods is ${period * evaluationPeriods} s; CloudWatch allows at most 86400 (one day)`,
    );
  }
  const description = options.alarmDescription ?? "";
  if (description.length > 1024) {
    throw new CliUsageError("--alarm-description must be at most 1024 characters long");
  }
  return {
    metric_name: options.metric,
    comparison_operator: oneOf(
      "--comparison-operator",
      options.comparisonOperator,
      COMPARISON_OPERATORS,
    ),
    evaluation_periods: evaluationPeriods,
    period,
    threshold: parseNumber("--threshold", options.threshold),
    statistic: oneOf("--statistic", options.statistic, STATISTICS),
    alarm_description: description,
  };
}

/** Where an alarm of this name is already defined ("conf/lambda.json: rules_engine_config"). */
function existingAlarm(config: StreamAlertConfig, name: string): string | undefined {
  const has = (settings: Record<string, unknown> | undefined) => {
    const alarms = settings?.custom_metric_alarms;
    return typeof alarms === "object" && alarms !== null && name in alarms;
  };
  for (const [block, settings] of Object.entries(config.lambda)) {
    if (has(settings)) return `${config.dir}/lambda.json: ${block}`;
  }
  for (const [cluster, settings] of Object.entries(config.clusters)) {
    if (has(settings.classifier_config))
      return `${config.dir}/clusters/${cluster}.json: classifier_config`;
  }
  return undefined;
}

function addAlarm(block: Record<string, unknown>, name: string, settings: AlarmSettings): void {
  objectAt(block, "custom_metric_alarms")[name] = settings;
}

function runCreateAlarm(name: string, options: AlarmOptions, clustered: boolean): void {
  const config = readConf(options.configDir);
  const fn = metricFunction(options.function);
  const choices = METRIC_FUNCTIONS.filter((f) => !clustered || f.clustered).map((f) => f.name);
  if (!fn || !choices.includes(fn.name)) {
    throw new CliUsageError(
      `--function ${JSON.stringify(options.function)} is not one of ${choices.join(", ")}`,
    );
  }
  const settings = alarmSettings(name, options, fn);
  const clusters = clustered ? selectClusters(config, options.cluster) : [];
  // CloudWatch alarm names are unique per account, so one alarm per cluster needs its own name.
  const names = new Map(
    clustered
      ? clusters.map((c) => [c, clusters.length > 1 ? `${name}-${c}` : name] as const)
      : [["", name] as const],
  );
  for (const alarmName of names.values()) {
    const where = existingAlarm(config, alarmName);
    if (where) {
      throw new CliUsageError(
        `an alarm named ${JSON.stringify(alarmName)} already exists in ${where}; alarm names are unique per AWS account, choose another or remove it there`,
      );
    }
  }
  const edits: Record<string, ConfEdit> = {};
  const notes: string[] = [];
  if (clustered) {
    for (const cluster of clusters) {
      const file = `clusters/${cluster}.json`;
      edits[file] = (current) => {
        const content = asObject(current, file);
        addAlarm(objectAt(content, "classifier_config"), names.get(cluster) ?? name, {
          ...settings,
          metric_name: `${fn.prefix}-${settings.metric_name}-${cluster.toUpperCase()}`,
        });
        return content;
      };
      if (config.clusters[cluster].classifier_config.enable_custom_metrics !== true)
        notes.push(`custom metrics are off for the classifier of ${cluster}`);
    }
  } else {
    const block = `${fn.name}_config`;
    edits["lambda.json"] = (current) => {
      const content = asObject(current, "lambda.json");
      addAlarm(objectAt(content, block), name, {
        ...settings,
        metric_name: `${fn.prefix}-${settings.metric_name}`,
      });
      return content;
    };
    const enabled = fn.clustered
      ? Object.values(config.clusters).some(
          (c) => c.classifier_config.enable_custom_metrics === true,
        )
      : config.lambda[block]?.enable_custom_metrics === true;
    if (!enabled) notes.push(`custom metrics are off for ${fn.name}`);
  }
  const result = editConf(options.configDir, edits);
  printWarnings(result.warnings);
  for (const path of result.written) say(`added alarm to ${path}`);
  for (const note of notes) {
    say(
      `note: ${note}, so the alarm sees no data; run streamalert custom-metrics enable --functions ${fn.name}`,
    );
  }
}

function defineAlarmCommand(program: Command, clustered: boolean): Command {
  const command = program
    .command(clustered ? "create-cluster-alarm" : "create-alarm")
    .description(
      clustered
        ? "add a CloudWatch alarm on a classifier metric of given clusters (cluster file)"
        : "add a CloudWatch alarm on a function's metric across all clusters (lambda.json)",
    )
    .argument("<alarm-name>", "unique alarm name in the AWS account")
    .requiredOption("-m, --metric <name>", `metric to alarm on (${ALL_METRICS})`)
    .requiredOption("--comparison-operator <operator>", COMPARISON_OPERATORS.join(", "))
    .requiredOption("-e, --evaluation-periods <n>", "periods compared to the threshold")
    .requiredOption("-p, --period <seconds>", "seconds per period, a multiple of 60")
    .requiredOption("-t, --threshold <number>", "value the statistic is compared to")
    .option("-s, --statistic <statistic>", STATISTICS.join(", "), "Sum")
    .option("-d, --alarm-description <text>", "what the alarm means")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf");
  if (clustered) {
    command
      .option("-f, --function <name>", "the clustered function", "classifier")
      .requiredOption("--cluster <names...>", "clusters to add the alarm to");
  } else {
    command.requiredOption(
      "-f, --function <name>",
      `the function (${METRIC_FUNCTIONS.map((f) => f.name).join(", ")})`,
    );
  }
  return command;
}

export function registerCreateAlarmCommands(program: Command): void {
  defineAlarmCommand(program, false)
    .addHelpText(
      "after",
      `
Example:
  $ streamalert create-alarm FailedParsesAlarm --function classifier --metric FailedParses \\
      --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 \\
      --period 300 --threshold 1 --alarm-description "failed parses in any cluster"`,
    )
    .action(
      commandAction((name: string, options: AlarmOptions) => runCreateAlarm(name, options, false)),
    );
  defineAlarmCommand(program, true)
    .addHelpText(
      "after",
      `
Example:
  $ streamalert create-cluster-alarm ProdFailedParses --cluster prod --metric FailedParses \\
      --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 \\
      --period 300 --threshold 1`,
    )
    .action(
      commandAction((name: string, options: AlarmOptions) => runCreateAlarm(name, options, true)),
    );
}
