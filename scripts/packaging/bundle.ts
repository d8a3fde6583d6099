// One minified esbuild bundle per function (node20, AWS SDK inside as ES modules, tree-shaken), its entry a
// generated module that embeds conf/ and schemas/ before the handler is imported, zipped
// deterministically and named by content hash: `<function>-<sha256 prefix>.zip`.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { publishersIndexPlugin } from "../../functions/alert_processor/publishers/discover";
import { rulesIndexPlugin } from "../../functions/rules_engine/discover";
import { scheduledQueriesIndexPlugin } from "../../functions/scheduled_queries/discover";
import { createZip } from "./zip";

export interface FunctionBundleSpec {
  /** function key, as modules/app.ts names artifacts */
  key: string;
  /** handler module, relative to the project folder */
  handler: string;
  /** `configFiles` are the raw conf/ files the bundle embeds (global.json, ...) */
  plugins?: (projectDir: string, configFiles: Record<string, string>) => Plugin[];
}

export const FUNCTION_BUNDLES: FunctionBundleSpec[] = [
  { key: "classifier", handler: "functions/classifier/handler.ts" },
  {
    key: "rules_engine",
    handler: "functions/rules_engine/handler.ts",
    plugins: (dir) => [rulesIndexPlugin("rules", dir)],
  },
  { key: "alert_merger", handler: "functions/alert_merger/handler.ts" },
  {
    key: "alert_processor",
    handler: "functions/alert_processor/handler.ts",
    plugins: (dir) => [publishersIndexPlugin("rules", dir)],
  },
  { key: "athena_partitioner", handler: "functions/athena_partitioner/handler.ts" },
  { key: "apps", handler: "functions/apps/handler.ts" },
  { key: "rule_promotion", handler: "functions/rule_promotion/handler.ts" },
  {
    key: "scheduled_queries",
    handler: "functions/scheduled_queries/handler.ts",
    plugins: (dir, files) => [scheduledQueriesIndexPlugin(dir, files)],
  },
  { key: "threat_intel_downloader", handler: "functions/threat_intel_downloader/handler.ts" },
];

export interface BuiltArtifact {
  key: string;
  /** zip file name inside the dist folder */
  file: string;
  /** base64 SHA-256 of the zip (Lambda's source_code_hash) */
  sourceCodeHash: string;
  bytes: number;
}

const EMBEDDED_CONFIG = "streamalert:embedded-config";

/** A virtual module setting the runtime configuration; imported first, so it runs first. */
function embeddedConfigPlugin(projectDir: string, files: Record<string, string>): Plugin {
  return {
    name: "streamalert-embedded-config",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^streamalert:embedded-config$/ }, () => ({
        path: EMBEDDED_CONFIG,
        namespace: "streamalert-embedded-config",
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "streamalert-embedded-config" }, () => ({
        contents: [
          'import { setRuntimeConfigFiles } from "./functions/shared/runtime-config";',
          `setRuntimeConfigFiles(${JSON.stringify(files)});`,
        ].join("\n"),
        resolveDir: projectDir,
        loader: "ts",
      }));
    },
  };
}

/** The bundled JavaScript of one function (index.js, CommonJS, exports `handler`). */
export async function bundleFunction(
  spec: FunctionBundleSpec,
  projectDir: string,
  configFiles: Record<string, string>,
): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        `import "${EMBEDDED_CONFIG}";`,
        `export { handler } from "./${spec.handler.replace(/\.ts$/, "")}";`,
      ].join("\n"),
      resolveDir: projectDir,
      sourcefile: `${spec.key}-entry.ts`,
      loader: "ts",
    },
    absWorkingDir: projectDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // The ES module builds of the AWS SDK and Smithy packages (their "module" field) can be
    // tree-shaken; the CommonJS ones ("main", esbuild's default first choice on node) cannot.
    // Preferring them cuts each bundle by a third to a half, and its cold start with it
    // (measured in docs/PERFORMANCE.md).
    mainFields: ["module", "main"],
    minify: true,
    treeShaking: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: [
      embeddedConfigPlugin(projectDir, configFiles),
      ...(spec.plugins?.(projectDir, configFiles) ?? []),
    ],
  });
  return result.outputFiles[0].text;
}

/** Bundle and zip every function whose handler exists; the rest are reported as skipped. */
export async function buildFunctionZips(
  projectDir: string,
  distDir: string,
  configFiles: Record<string, string>,
): Promise<{ built: BuiltArtifact[]; skipped: string[] }> {
  mkdirSync(distDir, { recursive: true });
  const built: BuiltArtifact[] = [];
  const skipped: string[] = [];
  for (const spec of FUNCTION_BUNDLES) {
    if (!existsSync(join(projectDir, spec.handler))) {
      skipped.push(spec.key);
      continue;
    }
    const code = await bundleFunction(spec, projectDir, configFiles);
    const zip = createZip({ "index.js": code });
    const digest = createHash("sha256").update(zip).digest();
    const file = `${spec.key}-${digest.toString("hex").slice(0, 16)}.zip`;
    writeFileSync(join(distDir, file), zip);
    built.push({
      key: spec.key,
      file,
      sourceCodeHash: digest.toString("base64"),
      bytes: zip.length,
    });
  }
  return { built, skipped };
}
