// `streamalert build` (alias `generate`, StreamAlert's name): the same build as `make build
// [CLUSTER=x]` — scripts/packaging/index.ts validates conf/, bundles the functions into build/dist and
// synthesizes the global stack and the cluster stacks into build/stacks/<name>.
import { resolve } from "node:path";
import type { Command } from "commander";
import { CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, commandAction, say } from "./shared/command-action";

interface BuildCommandOptions {
  cluster?: string[];
  configDir: string;
  outdir: string;
  skipBundles?: boolean;
}

// The functions and rules the bundles are built from are this checkout's, wherever it is run from.
const PROJECT_DIR = resolve(__dirname, "..", "..");

const EXAMPLE = `
Example:
  $ streamalert build --cluster prod      (the same as: make build CLUSTER=prod)
  $ streamalert build                     every cluster
  then: streamalert plan --cluster prod`;

async function runBuildCommand(options: BuildCommandOptions): Promise<void> {
  // Loaded here, not at start-up: the Terraform provider classes and esbuild take a moment to load.
  const { runBuild } = await import("../packaging/index");
  const clusters = (options.cluster ?? []).filter((name) => name !== "");
  const lines = await runBuild({
    projectDir: PROJECT_DIR,
    configDir: options.configDir,
    outdir: resolve(options.outdir),
    clusters: clusters.length > 0 ? clusters : undefined,
    skipBundles: options.skipBundles === true,
  });
  for (const line of lines) say(line);
}

export function registerBuildCommand(program: Command): void {
  program
    .command("build")
    .alias("generate")
    .description(
      "bundle the functions and synthesize the Terraform stacks (global + clusters) into build/",
    )
    .option(
      "--cluster <names...>",
      "only these clusters' stacks (the global stack is always built)",
    )
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .option("--outdir <dir>", "where to write dist/ and stacks/", "build")
    .option("--skip-bundles", "synthesize only; Terraform hashes the zips in dist/ at plan time")
    .addHelpText("after", EXAMPLE)
    .action(commandAction(runBuildCommand));
}
