// One minified esbuild bundle per function (node20, AWS SDK inside as ES modules, tree-shaken), its entry a
// generated module that embeds conf/ and schemas/ before the handler is imported, zipped
// deterministically and named by content hash: `<function>-<sha256 prefix>.zip`.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";
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
  /**
   * Modules bundled into a file of their own beside index.js, which the function loads when it
   * first needs them (`import(specifier)`): code most invocations never run stays out of the
   * cold start.
   */
  separateFiles?: SeparateFile[];
}

export interface SeparateFile {
  /** the import specifier as written in the source, e.g. "./aws-outputs" */
  specifier: string;
  /** the file's name in the zip, e.g. "aws-outputs.js" */
  file: string;
  /** the module's source, relative to the project folder */
  entry: string;
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
    separateFiles: [
      {
        specifier: "./aws-outputs",
        file: "aws-outputs.js",
        entry: "functions/alert_processor/outputs/aws-outputs.ts",
      },
    ],
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

const COMMON_OPTIONS: BuildOptions & { write: false } = {
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
};

/** Imports of a separate file's module left to `require("./<file>")` at run time. */
function separateFilesPlugin(files: SeparateFile[]): Plugin {
  return {
    name: "streamalert-separate-files",
    setup(pluginBuild) {
      for (const { specifier, file } of files) {
        const exact = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
        pluginBuild.onResolve({ filter: exact }, () => ({ path: `./${file}`, external: true }));
      }
    },
  };
}

/** index.js and any separate files of one function, by their names in the zip. */
export async function bundleFunctionFiles(
  spec: FunctionBundleSpec,
  projectDir: string,
  configFiles: Record<string, string>,
): Promise<Record<string, string>> {
  const files: Record<string, string> = {
    "index.js": await bundleFunction(spec, projectDir, configFiles),
  };
  for (const separate of spec.separateFiles ?? []) {
    const result = await build({
      ...COMMON_OPTIONS,
      entryPoints: [`./${separate.entry}`],
      absWorkingDir: projectDir,
    });
    files[separate.file] = result.outputFiles[0].text;
  }
  return files;
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
    ...COMMON_OPTIONS,
    absWorkingDir: projectDir,
    plugins: [
      embeddedConfigPlugin(projectDir, configFiles),
      ...(spec.plugins?.(projectDir, configFiles) ?? []),
      separateFilesPlugin(spec.separateFiles ?? []),
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
    const zip = createZip(await bundleFunctionFiles(spec, projectDir, configFiles));
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
