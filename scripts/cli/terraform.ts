// `streamalert plan|deploy|destroy`: terraform init, then plan / apply / destroy in the stack
// folders `streamalert build` (make build) wrote. Deploying publishes nothing by itself: applying
// a changed zip publishes a new function version and moves its `production` alias (modules/lambda).
import { resolve } from "node:path";
import type { Command } from "commander";
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

interface TerraformOptions {
  cluster?: string[];
  configDir: string;
  buildDir: string;
  autoApprove?: boolean;
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
    command
      .addHelpText(
        "after",
        `\nNeeds terraform on PATH. Build first: streamalert build [--cluster ...]\n\nExample:\n  ${COMMANDS[action].example}`,
      )
      .action(commandAction((options: TerraformOptions) => runTerraformCommand(action, options)));
  }
}
