// `streamalert configure <key> <value>`: sets the account settings of global.json (StreamAlert's
// `configure`). Changing the prefix also lists the values that still carry the old one, since
// resource names elsewhere (streams, tables, apps) are written out in full.
import type { Command } from "commander";
import { readConfigFiles } from "../../functions/shared/config";
import { editConf } from "./conf-edit";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  printWarnings,
  say,
} from "./shared/command-action";
import { asObject, objectAt, readConf } from "./shared/conf-access";

const KEYS = ["aws_account_id", "prefix", "region"] as const;
type ConfigureKey = (typeof KEYS)[number];

const EXAMPLE = `
Keys: ${KEYS.join(", ")} (the account section of global.json)

Example:
  $ streamalert configure region eu-west-1
  $ streamalert configure aws_account_id 123456789012`;

/** "file: path = value" for every string value that starts with the prefix and a separator. */
function valuesWithPrefix(configDir: string, prefix: string): string[] {
  const found: string[] = [];
  const visit = (file: string, value: unknown, path: string) => {
    if (typeof value === "string") {
      if (value.startsWith(`${prefix}_`) || value.startsWith(`${prefix}-`))
        found.push(`${file}: ${path} = ${value}`);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && (key.startsWith(`${prefix}_`) || key.startsWith(`${prefix}-`)))
        found.push(`${file}: ${childPath} (key)`);
      visit(file, child, childPath);
    }
  };
  for (const [name, content] of Object.entries(readConfigFiles(configDir))) {
    if (!name.startsWith("schemas/")) visit(`${configDir}/${name}`, content, "");
  }
  return found;
}

function runConfigure(key: string, value: string, options: { configDir: string }): void {
  if (!(KEYS as readonly string[]).includes(key)) {
    throw new CliUsageError(`unknown key ${JSON.stringify(key)}; use one of ${KEYS.join(", ")}`);
  }
  const previous = readConf(options.configDir).global.account[key as ConfigureKey];
  const result = editConf(options.configDir, {
    "global.json": (current) => {
      const global = asObject(current, "global.json");
      objectAt(global, "account")[key] = value;
      return global;
    },
  });
  printWarnings(result.warnings);
  say(
    previous === value
      ? `${key} is already ${value}; nothing changed`
      : `${key}: ${previous} -> ${value} (${options.configDir}/global.json)`,
  );
  if (key === "prefix" && previous !== value) {
    const leftovers = valuesWithPrefix(options.configDir, previous);
    if (leftovers.length > 0) {
      say(
        `these names still start with the old prefix "${previous}"; rename them if they should follow:`,
      );
      for (const line of leftovers) say(`  ${line}`);
    }
  }
}

export function registerConfigureCommand(program: Command): void {
  program
    .command("configure")
    .description("set the AWS account ID, prefix or region in global.json")
    .argument("<key>", `one of ${KEYS.join(", ")}`)
    .argument("<value>", "the new value")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", EXAMPLE)
    .action(commandAction(runConfigure));
}
