// `make build [CLUSTER=x]`: validate conf/ and the rules (an error stops before anything is
// written), bundle and zip the functions into build/dist, synthesize the global stack and the cluster(s) into build/,
// and print what was written.
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatConfigIssue, loadConfig } from "../../functions/shared/config";
import { synthesize } from "../../modules/app";
import type { FunctionArtifact } from "../../modules/lambda";
import { buildFunctionZips } from "./bundle";
import { collectConfigFiles } from "./config-files";
import { validateProjectRules } from "./validate-rules";

export interface BuildOptions {
  projectDir: string;
  configDir: string;
  outdir: string;
  clusters?: string[];
  /** skip bundling (synth only, artifacts hashed by Terraform at plan time) @default false */
  skipBundles?: boolean;
}

function countResources(file: string): number {
  const stack = JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, object> };
  return Object.values(stack.resource ?? {}).reduce(
    (sum, byName) => sum + Object.keys(byName).length,
    0,
  );
}

export async function runBuild(options: BuildOptions): Promise<string[]> {
  const { config, warnings } = loadConfig(options.configDir);
  const lines = warnings.map((warning) => `warning: ${formatConfigIssue(warning)}`);
  for (const cluster of options.clusters ?? []) {
    if (!config.clusters[cluster]) {
      throw new Error(
        `unknown cluster "${cluster}": conf/clusters has ${Object.keys(config.clusters).sort().join(", ")}`,
      );
    }
  }
  const artifacts: Record<string, FunctionArtifact> = {};
  const started = performance.now();
  if (!options.skipBundles) {
    const rules = await validateProjectRules(options.projectDir, config);
    lines.push(`rules   ${rules} rules checked`);
    const files = collectConfigFiles(options.configDir);
    const distDir = join(options.outdir, "dist");
    rmSync(distDir, { recursive: true, force: true });
    const { built, skipped } = await buildFunctionZips(options.projectDir, distDir, files);
    for (const artifact of built) {
      artifacts[artifact.key] = {
        path: `../../dist/${artifact.file}`,
        sourceCodeHash: artifact.sourceCodeHash,
      };
      lines.push(`bundle  dist/${artifact.file}  ${(artifact.bytes / 1024).toFixed(0)} KiB`);
    }
    for (const key of skipped) lines.push(`bundle  ${key}: no handler yet, skipped`);
  }
  const bundled = performance.now();
  rmSync(join(options.outdir, "stacks"), { recursive: true, force: true });
  const stacks = synthesize(config, {
    outdir: options.outdir,
    clusters: options.clusters,
    artifacts,
  });
  for (const stack of stacks) {
    lines.push(
      `stack   ${stack.file}  ${countResources(join(options.outdir, stack.file))} resources`,
    );
  }
  const done = performance.now();
  lines.push(
    `bundles ${((bundled - started) / 1000).toFixed(1)} s, synth ${((done - bundled) / 1000).toFixed(1)} s`,
  );
  return lines;
}

function parseArgs(argv: string[]): BuildOptions {
  const projectDir = process.cwd();
  const options: BuildOptions = {
    projectDir,
    configDir: "conf",
    outdir: resolve(projectDir, "build"),
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--cluster") options.clusters = [...(options.clusters ?? []), argv[++index]];
    else if (arg === "--config-dir") options.configDir = argv[++index];
    else if (arg === "--outdir") options.outdir = resolve(argv[++index]);
    else if (arg === "--skip-bundles") options.skipBundles = true;
    else
      throw new Error(
        `unknown argument ${arg} (use --cluster NAME, --config-dir DIR, --outdir DIR, --skip-bundles)`,
      );
  }
  if (options.clusters?.every((cluster) => cluster === "")) options.clusters = undefined;
  return options;
}

if (require.main === module) {
  runBuild(parseArgs(process.argv.slice(2)))
    .then((lines) => console.log(lines.join("\n")))
    .catch((error: unknown) => {
      // A ConfigError's message already lists every issue with file, JSON path and fix.
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
