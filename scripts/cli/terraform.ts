// `streamalert plan|deploy|destroy`: terraform init, then plan / apply / destroy in the stack
// folders `streamalert build` (make build) wrote. Deploying publishes nothing by itself: applying
// a changed zip publishes a new function version and moves its `production` alias (modules/lambda).
import { resolve } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Command } from "commander";
import { awsClientConfig } from "../../functions/shared/aws/client-config";
import type { StreamAlertConfig } from "../../functions/shared/config";
import { buildRuleRegistry } from "../../functions/shared/rules/registry";
import { globalNames } from "../../modules/shared/names";
import { syncRulesTable } from "./rule-staging/sync-rules-table";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  say,
} from "./shared/command-action";
import { readConf, selectClusters } from "./shared/conf-access";
import { runTerraform } from "./terraform/run-terraform";
import { type StackFolder, stackFolders, type TerraformAction } from "./terraform/stack-folders";
import { findOnPath, TERRAFORM_MISSING } from "./terraform/terraform-binary";
import { loadProjectRules } from "./test/project-rules";

interface TerraformOptions {
  cluster?: string[];
  configDir: string;
  buildDir: string;
  autoApprove?: boolean;
  /** deploy: add rules new to the rules table unstaged */
  skipRuleStaging?: boolean;
}

const COMMANDS: Record<TerraformAction, { description: string; example: string }> = {
  plan: {
    description: "terraform init + plan in build/stacks/global and the cluster stacks",
    example: "$ streamalert plan --cluster prod      (make plan CLUSTER=prod builds first)",
  },
  deploy: {
    description: "terraform init + apply: global stack first, then the clusters",
    example: "$ streamalert deploy --cluster prod    (make deploy CLUSTER=prod builds first)",
  },
  destroy: {
    description: "terraform destroy: the named clusters, or every cluster and then global",
    example: "$ streamalert destroy --cluster corp --auto-approve",
  },
};

function terraformArgs(action: TerraformAction, autoApprove: boolean): string[] {
  const approve = autoApprove ? ["-auto-approve"] : [];
  if (action === "plan") return ["plan", "-input=false"];
  // apply/destroy ask for confirmation on the terminal unless -auto-approve.
  return [action === "deploy" ? "apply" : "destroy", ...approve];
}

async function runInStacks(
  binary: string,
  folders: StackFolder[],
  action: TerraformAction,
  autoApprove: boolean,
): Promise<void> {
  const args = terraformArgs(action, autoApprove);
  for (const [index, folder] of folders.entries()) {
    for (const step of [["init", "-input=false"], args]) {
      say(`== ${folder.name} (${folder.dir}): terraform ${step.join(" ")}`);
      const code = await runTerraform(binary, step, folder.dir);
      if (code !== 0) {
        const untouched = folders.slice(index + 1).map((next) => next.name);
        throw new Error(
          `terraform ${step[0]} failed in ${folder.dir} (exit ${code})${
            untouched.length > 0 ? `; not run for ${untouched.join(", ")}` : ""
          }. Fix what terraform reported above and run the command again.`,
        );
      }
    }
  }
}

async function runTerraformCommand(action: TerraformAction, options: TerraformOptions) {
  const binary = findOnPath("terraform");
  if (!binary) throw new CliUsageError(TERRAFORM_MISSING);
  const config = readConf(options.configDir);
  const named = (options.cluster ?? []).filter((name) => name !== "");
  const clusters = selectClusters(config, named);
  const folders = stackFolders(resolve(options.buildDir), action, clusters, named.length > 0);
  await runInStacks(binary, folders, action, options.autoApprove === true);
  const done = { plan: "planned", deploy: "applied", destroy: "destroyed" }[action];
  say(`${done}: ${folders.map((folder) => folder.name).join(", ")}`);
  if (action === "deploy" && config.global.infrastructure.rule_staging?.enabled === true) {
    await syncRules(config, options.skipRuleStaging === true);
  }
}

/** With rule staging on, the rules table follows the rules on disk (new ones staged). */
async function syncRules(config: StreamAlertConfig, skipStaging: boolean): Promise<void> {
  const sources = await loadProjectRules();
  const names = buildRuleRegistry(sources.rules, sources.matchers).rules.map((rule) => rule.name);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient(awsClientConfig("dynamodb", { region: config.global.account.region })),
  );
  const table = globalNames(config.global.account.prefix).rulesTable;
  const { added, removed } = await syncRulesTable(client, table, names, {
    now: new Date(),
    skipStaging,
  });
  const list = (names: string[]) =>
    names.length > 0 && names.length <= 10 ? ` (${names.join(", ")})` : "";
  const how = skipStaging ? " unstaged" : " staged for 48 hours";
  say(
    `rules table ${table}: ${added.length} new rule(s) added${added.length > 0 ? how : ""}${list(added)}, ${removed.length} removed${list(removed)}`,
  );
}

export function registerTerraformCommands(program: Command): void {
  for (const action of ["plan", "deploy", "destroy"] as const) {
    const command = program
      .command(action)
      .description(COMMANDS[action].description)
      .option("--cluster <names...>", "only these clusters (plan/deploy also run the global stack)")
      .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
      .option("--build-dir <dir>", "where `streamalert build` wrote stacks/", "build");
    if (action !== "plan") {
      command.option("--auto-approve", `${action} without asking for confirmation`);
    }
    if (action === "deploy") {
      command.option(
        "--skip-rule-staging",
        "with rule staging on: add rules new to the rules table unstaged (they alert at once)",
      );
    }
    command
      .addHelpText(
        "after",
        `\nNeeds terraform on PATH. Build first: streamalert build [--cluster ...]\n\nExample:\n  ${COMMANDS[action].example}`,
      )
      .action(commandAction((options: TerraformOptions) => runTerraformCommand(action, options)));
  }
}
