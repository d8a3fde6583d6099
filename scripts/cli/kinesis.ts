// `streamalert kinesis enable-events|disable-events`: turns the kinesis_events module (the
// stream → classifier event source mapping) on or off per cluster. Only conf/ changes; the next
// build and terraform apply make it so.
import type { Command } from "commander";
import type { StreamAlertConfig } from "../../functions/shared/config";
import { editConf } from "./conf-edit";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  printWarnings,
  say,
} from "./shared/command-action";
import { asObject, objectAt, readConf, selectClusters } from "./shared/conf-access";

interface KinesisOptions {
  cluster?: string[];
  configDir: string;
}

const hasStream = (config: StreamAlertConfig, cluster: string) => {
  const kinesis = config.clusters[cluster].modules.kinesis as { streams?: unknown } | undefined;
  return typeof kinesis?.streams === "object" && kinesis.streams !== null;
};

function toggleEvents(enable: boolean, options: KinesisOptions): void {
  const config = readConf(options.configDir);
  const named = (options.cluster ?? []).length > 0;
  const clusters = selectClusters(config, options.cluster);
  const targets: string[] = [];
  for (const cluster of clusters) {
    if (enable && !hasStream(config, cluster)) {
      if (named) {
        throw new CliUsageError(
          `cluster ${cluster} has no Kinesis stream (modules.kinesis.streams in ${options.configDir}/clusters/${cluster}.json); add one before enabling its events`,
        );
      }
      say(`${cluster}: skipped, it has no Kinesis stream`);
      continue;
    }
    if (!enable && config.clusters[cluster].modules.kinesis_events === undefined) {
      say(`${cluster}: skipped, it has no kinesis_events module`);
      continue;
    }
    targets.push(cluster);
  }
  const edits = Object.fromEntries(
    targets.map((cluster) => [
      `clusters/${cluster}.json`,
      (current: unknown) => {
        const file = asObject(current, `clusters/${cluster}.json`);
        const events = objectAt(objectAt(file, "modules"), "kinesis_events");
        events.enabled = enable;
        if (enable && events.batch_size === undefined) events.batch_size = 100;
        return file;
      },
    ]),
  );
  const result = editConf(options.configDir, edits);
  printWarnings(result.warnings);
  for (const cluster of targets) {
    say(`${cluster}: kinesis_events ${enable ? "enabled" : "disabled"}`);
  }
  if (result.written.length > 0) say("apply with: streamalert build, then terraform apply");
}

export function registerKinesisCommand(program: Command): void {
  const kinesis = program
    .command("kinesis")
    .description("turn the Kinesis stream → classifier events on or off per cluster");
  for (const [name, enable] of [
    ["enable-events", true],
    ["disable-events", false],
  ] as const) {
    kinesis
      .command(name)
      .description(`${enable ? "enable" : "disable"} the kinesis_events module`)
      .option("--cluster <names...>", "clusters to change (default: all)")
      .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
      .addHelpText("after", `\nExample:\n  $ streamalert kinesis ${name} --cluster prod corp`)
      .action(commandAction((options: KinesisOptions) => toggleEvents(enable, options)));
  }
}
