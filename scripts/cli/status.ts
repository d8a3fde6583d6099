// `streamalert status`: what is configured, per cluster and globally, as readable text.
import type { Command } from "commander";
import { CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, commandAction, say } from "./shared/command-action";
import { readConf, selectClusters } from "./shared/conf-access";
import { describeStatus } from "./status/describe";

const EXAMPLE = `
Example:
  $ streamalert status
  $ streamalert status --cluster prod`;

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description("show what is configured: data sources, modules, apps per cluster; outputs")
    .option("--cluster <names...>", "only these clusters (default: all)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", EXAMPLE)
    .action(
      commandAction((options: { cluster?: string[]; configDir: string }) => {
        const config = readConf(options.configDir);
        for (const line of describeStatus(config, selectClusters(config, options.cluster)))
          say(line);
      }),
    );
}
