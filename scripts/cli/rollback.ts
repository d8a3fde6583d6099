// `streamalert rollback --function <names...>`: moves each function's `production` alias to the
// previous published version through the Lambda API (no terraform). The next deploy points the
// alias at the newest version again, so fix or revert the code before deploying.
import { LambdaClient } from "@aws-sdk/client-lambda";
import type { Command } from "commander";
import { awsClientConfig } from "../../functions/shared/aws/client-config";
import {
  deployedFunctionNames,
  FUNCTION_KEYS,
  notDeployedReason,
  parseFunctionKeys,
} from "./rollback/function-names";
import { RollbackError, rollbackProductionAlias } from "./rollback/rollback-alias";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  say,
  warn,
} from "./shared/command-action";
import { readConf, selectClusters } from "./shared/conf-access";

interface RollbackOptions {
  function: string[];
  cluster?: string[];
  configDir: string;
  region?: string;
}

const EXAMPLE = `
Example:
  $ streamalert rollback --function rules_engine
  $ streamalert rollback --function classifier apps --cluster prod --region us-east-1
  (StreamAlert's names rule, alert and athena work too; "all" rolls back everything deployed)`;

async function runRollback(options: RollbackOptions): Promise<void> {
  const config = readConf(options.configDir);
  const keys = parseFunctionKeys(options.function);
  const clusters = selectClusters(config, options.cluster);
  const explicit = !options.function.includes("all");
  const functionNames: string[] = [];
  for (const key of keys) {
    const names = deployedFunctionNames(config, key, clusters);
    if (names.length === 0 && explicit) {
      throw new CliUsageError(
        `${key} is not deployed by this configuration: ${notDeployedReason(key)}`,
      );
    }
    functionNames.push(...names);
  }
  const client = new LambdaClient(
    awsClientConfig("lambda", { region: options.region ?? config.global.account.region }),
  );
  let failed = 0;
  try {
    for (const functionName of functionNames) {
      try {
        const result = await rollbackProductionAlias(client, functionName);
        say(`${result.functionName}: production ${result.from} -> ${result.to}`);
      } catch (error) {
        if (!(error instanceof RollbackError)) throw error;
        warn(`error: ${error.message}`);
        failed++;
      }
    }
  } finally {
    client.destroy();
  }
  if (failed > 0) {
    throw new Error(`${failed} of ${functionNames.length} functions were not rolled back`);
  }
}

export function registerRollbackCommand(program: Command): void {
  program
    .command("rollback")
    .description("move functions' production alias back to the previous published version")
    .requiredOption(
      "-f, --function <names...>",
      `functions to roll back: ${FUNCTION_KEYS.join(", ")} or all`,
    )
    .option("--cluster <names...>", "clusters whose classifier/apps to roll back (default: all)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .option("--region <region>", "AWS region of the functions (default: global.json's)")
    .addHelpText("after", EXAMPLE)
    .action(commandAction(runRollback));
}
