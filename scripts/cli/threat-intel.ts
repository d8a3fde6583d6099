// `streamalert threat-intel enable|disable`: threat_intel.json's switch and IOC table name (as
// StreamAlert's `threat-intel`). Enabling is validated like any edit, so normalized IOC types
// that no schema produces are reported instead of silently matching nothing.
import type { Command } from "commander";
import { globalNames } from "../../modules/shared/names";
import { editConf } from "./conf-edit";
import {
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  printWarnings,
  say,
} from "./shared/command-action";
import { asObject, readConf } from "./shared/conf-access";

interface ThreatIntelOptions {
  dynamodbTable?: string;
  configDir: string;
}

function setThreatIntel(enable: boolean, options: ThreatIntelOptions): void {
  const prefix = readConf(options.configDir).global.account.prefix;
  const result = editConf(options.configDir, {
    "threat_intel.json": (current) => {
      const file = asObject(current, "threat_intel.json");
      file.enabled = enable;
      if (options.dynamodbTable) file.dynamodb_table_name = options.dynamodbTable;
      else if (enable && file.dynamodb_table_name === undefined) {
        file.dynamodb_table_name = globalNames(prefix).threatIntelTable;
      }
      if (enable && file.normalized_ioc_types === undefined) file.normalized_ioc_types = {};
      return file;
    },
  });
  printWarnings(result.warnings);
  const intel = result.config.threatIntel;
  say(
    `threat intel ${enable ? "enabled" : "disabled"}${intel.dynamodb_table_name ? ` (IOC table ${intel.dynamodb_table_name})` : ""}`,
  );
  if (enable && Object.keys(intel.normalized_ioc_types ?? {}).length === 0) {
    say(
      `note: normalized_ioc_types in ${options.configDir}/threat_intel.json is empty, so no record field is checked against IOCs yet`,
    );
  }
}

export function registerThreatIntelCommand(program: Command): void {
  const threatIntel = program
    .command("threat-intel")
    .description("turn threat intel IOC lookups in the rules engine on or off");
  for (const [name, enable] of [
    ["enable", true],
    ["disable", false],
  ] as const) {
    threatIntel
      .command(name)
      .description(`${name} threat intel (threat_intel.json)`)
      .option("--dynamodb-table <name>", "the DynamoDB table holding the IOCs")
      .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
      .addHelpText(
        "after",
        `\nExample:\n  $ streamalert threat-intel ${name}${enable ? " --dynamodb-table acme_streamalert_threat_intel_downloader" : ""}`,
      )
      .action(commandAction((options: ThreatIntelOptions) => setThreatIntel(enable, options)));
  }
}
