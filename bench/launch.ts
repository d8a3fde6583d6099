// `npm run bench -- <benchmark> [options]`: bundles bench/run.ts with esbuild the way the Lambda
// bundles are built (scope-hoisted, no keep-names helpers, every rule imported statically) and
// runs it on plain node, so the benchmarks time the code as it ships rather than tsx's
// per-module transpilation (whose export getters and name helpers cost up to a tenth of the
// classifier's time). Dependencies stay in node_modules.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { discoverRuleFiles, generateRulesIndexSource } from "../functions/rules_engine/discover";

const projectDir = resolve(__dirname, "..");
const outfile = join(projectDir, "build", "bench", "run.js");

/** Replaces bench/project-rules.ts (a file-system scan) with static imports of every rule. */
function staticRulesPlugin(): Plugin {
  return {
    name: "bench-static-rules",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\/project-rules$/ }, () => ({
        path: "project-rules",
        namespace: "bench-static-rules",
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "bench-static-rules" }, () => ({
        contents: [
          generateRulesIndexSource(discoverRuleFiles("rules")),
          "export async function projectRuleModules() {",
          "  return { rules: ruleModules, matchers: matcherModules };",
          "}",
        ].join("\n"),
        resolveDir: projectDir,
        loader: "ts",
      }));
    },
  };
}

async function main(): Promise<number> {
  await build({
    entryPoints: [join(projectDir, "bench", "run.ts")],
    absWorkingDir: projectDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    outfile,
    logLevel: "warning",
    plugins: [staticRulesPlugin()],
  });
  // --expose-gc: bench/measure.ts collects garbage before each timed run
  const child = spawnSync(process.execPath, ["--expose-gc", outfile, ...process.argv.slice(2)], {
    cwd: projectDir,
    stdio: "inherit",
  });
  return child.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
