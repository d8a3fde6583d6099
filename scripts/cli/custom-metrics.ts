// `streamalert custom-metrics enable|disable --functions ...`: the `enable_custom_metrics` switch
// of the functions that publish custom metrics (StreamAlert's `custom-metrics`): the classifier's
// per cluster, the others in their lambda.json block.
import type { Command } from "commander";
import { type ConfEdit, editConf } from "./conf-edit";
import { METRIC_FUNCTIONS, metricFunction } from "./create-alarm/metric-catalog";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  printWarnings,
  say,
} from "./shared/command-action";
import { asObject, objectAt, readConf, selectClusters } from "./shared/conf-access";

interface CustomMetricsOptions {
  functions: string[];
  cluster?: string[];
  configDir: string;
}

const FUNCTION_NAMES = METRIC_FUNCTIONS.map((fn) => fn.name);

function toggleMetrics(enable: boolean, options: CustomMetricsOptions): void {
  const config = readConf(options.configDir);
  const functions = options.functions.map((name) => {
    const fn = metricFunction(name);
    if (!fn) {
      throw new CliUsageError(
        `--functions: ${JSON.stringify(name)} publishes no custom metrics; use ${FUNCTION_NAMES.join(", ")}`,
      );
    }
    return fn;
  });
  const edits: Record<string, ConfEdit> = {};
  const changed: string[] = [];
  for (const fn of functions) {
    if (fn.clustered) {
      for (const cluster of selectClusters(config, options.cluster)) {
        const file = `clusters/${cluster}.json`;
        const previous = edits[file];
        edits[file] = (current) => {
          const content = asObject(previous ? previous(current) : current, file);
          objectAt(content, "classifier_config").enable_custom_metrics = enable;
          return content;
        };
        changed.push(`${fn.name} of cluster ${cluster}`);
      }
    } else {
      const previous = edits["lambda.json"];
      edits["lambda.json"] = (current) => {
        const content = asObject(previous ? previous(current) : current, "lambda.json");
        objectAt(content, `${fn.name}_config`).enable_custom_metrics = enable;
        return content;
      };
      changed.push(fn.name);
    }
  }
  const result = editConf(options.configDir, edits);
  printWarnings(result.warnings);
  for (const what of changed) say(`custom metrics ${enable ? "enabled" : "disabled"}: ${what}`);
}

export function registerCustomMetricsCommand(program: Command): void {
  const metrics = program
    .command("custom-metrics")
    .description("turn custom CloudWatch metrics of functions on or off");
  for (const [name, enable] of [
    ["enable", true],
    ["disable", false],
  ] as const) {
    metrics
      .command(name)
      .description(`${name} custom metrics`)
      .requiredOption("--functions <names...>", `functions: ${FUNCTION_NAMES.join(", ")}`)
      .option("--cluster <names...>", "clusters whose classifier changes (default: all)")
      .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
      .addHelpText(
        "after",
        `\nExample:\n  $ streamalert custom-metrics ${name} --functions classifier rules_engine --cluster prod`,
      )
      .action(commandAction((options: CustomMetricsOptions) => toggleMetrics(enable, options)));
  }
}
