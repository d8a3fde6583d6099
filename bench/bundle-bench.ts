// `make build CLUSTER=<cluster>` into a temp dir (wall time, as a user runs it), synth alone,
// the size of each function zip, and the cold start of each bundle: `node -e` requiring the
// bundled handler module (time inside the process, and the whole process against an empty one).
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

import { readZipEntries } from "../scripts/packaging/zip";

const run = promisify(execFile);

export interface FunctionBundleFigures {
  name: string;
  zipBytes: number;
  bundleBytes: number;
  /** median ms of require() of the bundle inside a fresh node process */
  requireMs: number;
  /** median ms of the whole `node -e` process, and of an empty one for comparison */
  processMs: number;
}

export interface BundleBenchResult {
  cluster: string;
  buildSeconds: number;
  bundleSeconds: number;
  synthSecondsInBuild: number;
  synthOnlySeconds: number;
  synthOnlyInProcessSeconds: number;
  emptyNodeMs: number;
  functions: FunctionBundleFigures[];
}

const TSX = resolve("node_modules/.bin/tsx");
const BUILD = resolve("scripts/packaging/index.ts");

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** "bundles 12.3 s, synth 1.4 s" from the build's last line. */
function phaseSeconds(stdout: string): { bundles: number; synth: number } {
  const match = /bundles ([\d.]+) s, synth ([\d.]+) s/.exec(stdout);
  if (!match) throw new Error(`scripts/packaging printed no timing line:\n${stdout}`);
  return { bundles: Number(match[1]), synth: Number(match[2]) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const LAMBDA_ENV = { AWS_REGION: "us-east-1", AWS_LAMBDA_FUNCTION_NAME: "bench" };

/** One `node -e` requiring `file` (or nothing): ms of the require inside, ms of the process. */
async function coldStartOnce(
  file: string | undefined,
): Promise<{ requireMs: number; processMs: number }> {
  const code = file
    ? `const t=performance.now();require(${JSON.stringify(file)});console.log(performance.now()-t)`
    : "console.log(0)";
  const { value, seconds } = await timed(() =>
    run(process.execPath, ["-e", code], { env: { ...process.env, ...LAMBDA_ENV } }),
  );
  return { requireMs: Number(value.stdout.trim()), processMs: seconds * 1000 };
}

/**
 * The median cold start of each file over `tries` rounds, each round starting every file once
 * in turn, so a slow spell of this host falls on all of them alike instead of on one bundle.
 */
async function coldStarts(
  files: Array<string | undefined>,
  tries: number,
): Promise<Array<{ requireMs: number; processMs: number }>> {
  const samples = files.map(() => ({ requireMs: [] as number[], processMs: [] as number[] }));
  for (let round = 0; round < tries; round++) {
    for (const [index, file] of files.entries()) {
      const once = await coldStartOnce(file);
      samples[index].requireMs.push(once.requireMs);
      samples[index].processMs.push(once.processMs);
    }
  }
  return samples.map((s) => ({ requireMs: median(s.requireMs), processMs: median(s.processMs) }));
}

export async function benchBundles(
  cluster: string,
  coldStartTries = 7,
): Promise<BundleBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), "streamalert-bench-build-"));
  try {
    const full = await timed(() =>
      run(TSX, [BUILD, "--cluster", cluster, "--outdir", join(dir, "full")], {
        maxBuffer: 1 << 20,
      }),
    );
    const phases = phaseSeconds(full.value.stdout);
    const synth = await timed(() =>
      run(TSX, [BUILD, "--cluster", cluster, "--skip-bundles", "--outdir", join(dir, "synth")], {
        maxBuffer: 1 << 20,
      }),
    );
    const distDir = join(dir, "full", "dist");
    const bundles: Array<{ name: string; zipBytes: number; bundleBytes: number; jsFile: string }> =
      [];
    for (const file of (await readdir(distDir)).filter((f) => f.endsWith(".zip")).sort()) {
      const zip = await readFile(join(distDir, file));
      const entries = readZipEntries(zip);
      const js = entries["index.js"];
      const name = file.replace(/-[0-9a-f]{16}\.zip$/, "");
      const jsFile = join(dir, "cold", name, "index.js");
      await run("mkdir", ["-p", join(dir, "cold", name)]);
      // every file of the zip, as Lambda unpacks it; only index.js is required at start
      for (const [entry, content] of Object.entries(entries)) {
        await writeFile(join(dir, "cold", name, entry), content);
      }
      const zipBytes = (await stat(join(distDir, file))).size;
      bundles.push({ name, zipBytes, bundleBytes: js.length, jsFile });
    }
    const [empty, ...times] = await coldStarts(
      [undefined, ...bundles.map((bundle) => bundle.jsFile)],
      coldStartTries,
    );
    const functions: FunctionBundleFigures[] = bundles.map((bundle, index) => ({
      name: bundle.name,
      zipBytes: bundle.zipBytes,
      bundleBytes: bundle.bundleBytes,
      requireMs: Number(times[index].requireMs.toFixed(1)),
      processMs: Math.round(times[index].processMs),
    }));
    return {
      cluster,
      buildSeconds: Number(full.seconds.toFixed(1)),
      bundleSeconds: phases.bundles,
      synthSecondsInBuild: phases.synth,
      synthOnlySeconds: Number(synth.seconds.toFixed(1)),
      synthOnlyInProcessSeconds: phaseSeconds(synth.value.stdout).synth,
      emptyNodeMs: Math.round(empty.processMs),
      functions,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
