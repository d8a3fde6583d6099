// `streamalert init`: scaffolds a new deployment's conf/ (global, lambda, outputs, threat intel,
// lookup tables, one cluster with a Kinesis stream). The files are validated before anything is
// written; an existing conf/ is left alone unless --force.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import type { Command } from "commander";
import { editConf } from "./conf-edit";
import { scaffoldFiles } from "./init/scaffold";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  commandAction,
  printWarnings,
  say,
} from "./shared/command-action";

interface InitOptions {
  prefix: string;
  accountId: string;
  region: string;
  cluster: string;
  logs?: string[];
  configDir: string;
  dir?: string;
  force?: boolean;
}

const EXAMPLE = `
Example:
  $ streamalert init --prefix acme --account-id 123456789012 --region us-east-1 \\
      --cluster prod --logs cloudwatch osquery
  writes conf/global.json, lambda.json, outputs.json, threat_intel.json, lookup_tables.json
  and conf/clusters/prod.json (Kinesis stream acme_prod_streamalert carrying those logs)`;

function runInit(options: InitOptions): void {
  const dir = options.dir ?? options.configDir;
  const files = scaffoldFiles({
    prefix: options.prefix,
    accountId: options.accountId,
    region: options.region,
    cluster: options.cluster,
    logs: options.logs ?? [],
  });
  const existed = existsSync(dir);
  if (existed && readdirSync(dir).length > 0 && !options.force) {
    throw new CliUsageError(
      `${dir} already exists and is not empty; pass --force to overwrite ${Object.keys(files).join(", ")} in it, or choose another folder with --dir`,
    );
  }
  if (!existed) mkdirSync(dir, { recursive: true });
  let result: ReturnType<typeof editConf>;
  try {
    result = editConf(
      dir,
      Object.fromEntries(Object.entries(files).map(([name, content]) => [name, () => content])),
    );
  } catch (error) {
    if (!existed) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  printWarnings(result.warnings);
  for (const path of result.written) say(`wrote ${path}`);
  if ((options.logs ?? []).length === 0) {
    say(
      `no --logs given: add the log types the stream carries to data_sources.kinesis in ${dir}/clusters/${options.cluster}.json`,
    );
  }
  say("next: streamalert status, then streamalert output set to add where alerts go");
}

export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("scaffold a new deployment's conf/ folder: account, prefix, region, first cluster")
    .requiredOption("--prefix <prefix>", "resource name prefix (lowercase letters and digits)")
    .requiredOption("--account-id <id>", "the 12-digit AWS account ID")
    .requiredOption("--region <region>", "the AWS region, e.g. us-east-1")
    .requiredOption("--cluster <name>", "the first cluster's name, e.g. prod")
    .option("--logs <names...>", "log families or types its Kinesis stream carries")
    .option(CONFIG_DIR_FLAGS, "the conf folder to create", "conf")
    .option("--dir <dir>", "same as --config-dir")
    .option("--force", "overwrite the scaffolded files in an existing folder")
    .addHelpText("after", EXAMPLE)
    .action(commandAction(runInit));
}
