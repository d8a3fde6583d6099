// Peak RSS of the classifier streaming one big gzipped JSON-lines S3 object (target: < 300 MB
// for 1 GiB uncompressed). The object is generated in a temp dir and served by s3rver from this
// process; the classifier runs in a child process (its S3 input path bundled by esbuild, plain
// `node`, no --max-old-space-size) so the RSS measured is the classifier's alone.
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { build } from "esbuild";
import S3rver from "s3rver";
import { awsClientConfig } from "../functions/shared/aws/client-config";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import type { S3MemoryChildInput, S3MemoryChildResult } from "./s3-memory-child";
import { writeGzippedJsonLines } from "./s3-object";

const run = promisify(execFile);

export interface S3MemoryBenchResult extends S3MemoryChildResult {
  uncompressedMB: number;
  gzippedMB: number;
  lines: number;
  events: number;
  uncompressed_MB_per_s: number;
  generateSeconds: number;
}

/** The first S3 data source whose log types include CloudTrail: the bucket the object goes to. */
export function cloudtrailBucket(config: StreamAlertConfig): { cluster: string; bucket: string } {
  for (const [cluster, settings] of Object.entries(config.clusters)) {
    for (const [bucket, logs] of Object.entries(settings.data_sources.s3 ?? {})) {
      if (logs.some((log) => log === "cloudtrail" || log === "cloudtrail:events")) {
        return { cluster, bucket };
      }
    }
  }
  throw new Error(`no cluster in ${config.dir} has an S3 bucket carrying cloudtrail logs`);
}

/** The child's code as one JavaScript file, so it runs on plain node like the Lambda bundle. */
async function bundleChild(outfile: string): Promise<void> {
  await build({
    entryPoints: [resolve("bench", "s3-memory-child.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "silent",
  });
}

/** Environment for the child without any heap limit the caller may have set. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const options = (env.NODE_OPTIONS ?? "").replace(/--max-old-space-size=\S+/g, "").trim();
  if (options) env.NODE_OPTIONS = options;
  else delete env.NODE_OPTIONS;
  return env;
}

export async function benchS3Memory(
  config: StreamAlertConfig,
  uncompressedBytes: number,
): Promise<S3MemoryBenchResult> {
  const { cluster, bucket } = cloudtrailBucket(config);
  const key = "AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/01/bench.json.gz";
  const dir = await mkdtemp(join(tmpdir(), "streamalert-bench-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: join(dir, "s3rver"),
    configureBuckets: [{ name: bucket }],
  });
  let client: S3Client | undefined;
  try {
    const generateStart = performance.now();
    const object = await writeGzippedJsonLines(join(dir, "object.json.gz"), uncompressedBytes);
    const generateSeconds = (performance.now() - generateStart) / 1000;
    const address = await server.run();
    const s3Endpoint = `http://127.0.0.1:${address.port}`;
    client = new S3Client(awsClientConfig("s3", { endpoints: { s3: s3Endpoint } }));
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: createReadStream(object.file),
        ContentLength: object.gzippedBytes,
      }),
    );
    const childFile = join(dir, "s3-memory-child.js");
    await bundleChild(childFile);
    const input: S3MemoryChildInput = {
      configDir: resolve(config.dir),
      cluster,
      bucket,
      key,
      size: object.gzippedBytes,
      s3Endpoint,
    };
    const { stdout } = await run(process.execPath, [childFile, JSON.stringify(input)], {
      env: childEnv(),
      maxBuffer: 1 << 20,
    });
    const child = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as S3MemoryChildResult;
    return {
      ...child,
      uncompressedMB: Math.round(object.uncompressedBytes / 1e6),
      gzippedMB: Math.round(object.gzippedBytes / 1e6),
      lines: object.lines,
      events: object.events,
      uncompressed_MB_per_s: Number((object.uncompressedBytes / 1e6 / child.seconds).toFixed(1)),
      generateSeconds: Number(generateSeconds.toFixed(1)),
    };
  } finally {
    client?.destroy();
    await server.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
