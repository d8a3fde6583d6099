// `streamalert list-targets`: the Terraform targets the configuration produces, per stack (global
// and one per cluster), grouped by module, as StreamAlert's `list-targets` listed its modules and
// resources. The stacks are synthesized into a temporary folder, so the list is exactly what
// `build` would write.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, commandAction, say } from "./shared/command-action";
import { readConf, selectClusters } from "./shared/conf-access";

interface ListTargetsOptions {
  cluster?: string[];
  resources?: boolean;
  configDir: string;
}

interface SynthesizedResource {
  "//"?: { metadata?: { path?: string } };
}

const EXAMPLE = `
Example:
  $ streamalert list-targets
  $ streamalert list-targets --cluster prod --resources
  then e.g. terraform -chdir=build/stacks/prod apply -target=<resource address>`;

/** module name → resource addresses, for one synthesized stack file. */
function targetsOf(stackFile: string): Map<string, string[]> {
  const stack = JSON.parse(readFileSync(stackFile, "utf8")) as {
    resource?: Record<string, Record<string, SynthesizedResource>>;
  };
  const modules = new Map<string, string[]>();
  for (const [type, resources] of Object.entries(stack.resource ?? {})) {
    for (const [name, resource] of Object.entries(resources)) {
      // construct path: <stack>/<root construct>/<module>/...
      const segments = (resource["//"]?.metadata?.path ?? "").split("/");
      const module = segments[2] ?? segments[1] ?? name;
      const list = modules.get(module) ?? [];
      list.push(`${type}.${name}`);
      modules.set(module, list);
    }
  }
  return new Map([...modules.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

async function runListTargets(options: ListTargetsOptions): Promise<void> {
  const config = readConf(options.configDir);
  const clusters = selectClusters(config, options.cluster);
  // Loaded here, not at start-up: the Terraform provider classes take a moment to load.
  const { synthesize } = await import("../../modules/app");
  const outdir = mkdtempSync(join(tmpdir(), "streamalert-targets-"));
  try {
    for (const stack of synthesize(config, { outdir, clusters })) {
      say(`stack ${stack.name} (build/${stack.file.replace(/\/cdk\.tf\.json$/, "")})`);
      for (const [module, addresses] of targetsOf(join(outdir, stack.file))) {
        say(`  ${module}: ${addresses.length} resource${addresses.length === 1 ? "" : "s"}`);
        if (options.resources) for (const address of addresses.sort()) say(`    ${address}`);
      }
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function registerListTargetsCommand(program: Command): void {
  program
    .command("list-targets")
    .description("list the Terraform stacks, modules and resources the configuration builds")
    .option(
      "--cluster <names...>",
      "only these clusters' stacks (the global stack is always listed)",
    )
    .option("--resources", "list every resource address (terraform -target) under its module")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", EXAMPLE)
    .action(commandAction(runListTargets));
}
