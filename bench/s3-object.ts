// A gzipped JSON-lines S3 object of a given uncompressed size for the S3 memory benchmark:
// CloudTrail log files (`{"Records": [...]}`, 1-4 events each), one per line, as a log shipper
// that concatenates CloudTrail deliveries writes them. Streamed to disk, never held in memory.
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { iamUserIdentity } from "./corpus";
import { SeededRandom } from "./random";

export interface GeneratedObject {
  file: string;
  lines: number;
  events: number;
  uncompressedBytes: number;
  gzippedBytes: number;
}

const EVENT_NAMES = ["GetObject", "AssumeRole", "DescribeInstances", "PutObject", "ListBuckets"];
const USERS = ["alice", "bob", "carol", "deploy-bot", "ci-runner"];

function cloudtrailEvent(r: SeededRandom, i: number): Record<string, unknown> {
  const user = r.pick(USERS);
  const time = new Date(Date.UTC(2026, 10, 1) + i * 100).toISOString().replace(/\.\d+Z$/, "Z");
  return {
    eventVersion: "1.08",
    userIdentity: iamUserIdentity(r, user),
    eventTime: time,
    eventSource: "s3.amazonaws.com",
    eventName: r.pick(EVENT_NAMES),
    awsRegion: "us-east-1",
    sourceIPAddress: r.ipv4(),
    userAgent: "aws-sdk-java/1.12.600 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9",
    requestParameters: { bucketName: "acme-data", key: `exports/${r.hex(12)}.csv` },
    responseElements: null,
    requestID: r.hex(16).toUpperCase(),
    eventID: r.uuid(),
    readOnly: true,
    eventType: "AwsApiCall",
    managementEvent: false,
    recipientAccountId: "123456789012",
  };
}

// Distinct events, serialized once: 4096 of ~800 bytes is far more than gzip's 32 KiB window, so
// the object compresses like real logs, and writing 1 GiB takes seconds, not a minute.
const POOL_SIZE = 4096;

/** Lines of CloudTrail files until `targetBytes` of text have been produced. */
function* lines(
  targetBytes: number,
  counts: { lines: number; events: number; bytes: number },
): Generator<string> {
  const r = new SeededRandom(7);
  const pool: string[] = [];
  for (let i = 0; i < POOL_SIZE; i++) pool.push(JSON.stringify(cloudtrailEvent(r, i)));
  while (counts.bytes < targetBytes) {
    const n = r.int(1, 4);
    let events = pool[r.int(0, POOL_SIZE - 1)];
    for (let k = 1; k < n; k++) events += `,${pool[r.int(0, POOL_SIZE - 1)]}`;
    const line = `{"Records":[${events}]}\n`;
    counts.lines++;
    counts.events += n;
    counts.bytes += Buffer.byteLength(line);
    yield line;
  }
}

/** Writes about `uncompressedBytes` of JSON lines, gzipped (level 1: generation is not timed). */
export async function writeGzippedJsonLines(
  file: string,
  uncompressedBytes: number,
): Promise<GeneratedObject> {
  const counts = { lines: 0, events: 0, bytes: 0 };
  // batch lines into ~1 MiB strings: one stream chunk per line would dominate the time
  async function* chunks() {
    let batch: string[] = [];
    let size = 0;
    for (const line of lines(uncompressedBytes, counts)) {
      batch.push(line);
      size += line.length;
      if (size >= 1 << 20) {
        yield batch.join("");
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) yield batch.join("");
  }
  await pipeline(Readable.from(chunks()), createGzip({ level: 1 }), createWriteStream(file));
  return {
    file,
    lines: counts.lines,
    events: counts.events,
    uncompressedBytes: counts.bytes,
    gzippedBytes: (await stat(file)).size,
  };
}

/** "1GiB", "256MiB", "64MB", "1000000" → bytes */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?$/i.exec(text.trim());
  if (!match) throw new Error(`bad --size "${text}": use e.g. 1GiB, 256MiB or a byte count`);
  const units: Record<string, number> = {
    b: 1,
    kb: 1e3,
    kib: 2 ** 10,
    mb: 1e6,
    mib: 2 ** 20,
    gb: 1e9,
    gib: 2 ** 30,
  };
  return Math.round(Number(match[1]) * units[(match[2] ?? "b").toLowerCase()]);
}
