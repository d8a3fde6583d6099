// Child process of the S3 memory benchmark (bundled by esbuild and run with plain `node`, no
// --max-old-space-size): the classifier's real S3 input path — an S3 notification event through
// processEvent, GetObject through the AWS SDK v3 client against s3rver, gunzip, line splitting,
// classification — with the real SQS sender on a client that only counts what it is given.
// Prints one JSON line with the counts, the time and the peak RSS of this process.
import { S3Client } from "@aws-sdk/client-s3";
import type { SQSClient } from "@aws-sdk/client-sqs";
import { createClassifier } from "../functions/classifier/classifier";
import { DEFAULT_INPUT_LIMITS, SdkS3ObjectReader } from "../functions/classifier/inputs";
import { InMemoryClassifierMetrics } from "../functions/classifier/metrics";
import { processEvent } from "../functions/classifier/process-event";
import { SqsRecordSender } from "../functions/classifier/senders/sqs";
import { awsClientConfig } from "../functions/shared/aws/client-config";
import { loadConfig } from "../functions/shared/config";

export interface S3MemoryChildInput {
  configDir: string;
  cluster: string;
  bucket: string;
  key: string;
  size: number;
  s3Endpoint: string;
}

export interface S3MemoryChildResult {
  records: number;
  classified: number;
  failed: number;
  sqsMessages: number;
  sqsRecords: number;
  seconds: number;
  baselineRssMB: number;
  peakRssMB: number;
  peakHeapUsedMB: number;
}

const MB = 1e6;

/** SendMessageBatch accepted whole; the bodies are measured and dropped. */
function countingSqsClient(counts: { messages: number; bytes: number }): SQSClient {
  const client = {
    async send(command: { input: { Entries?: Array<{ MessageBody?: string }> } }) {
      const entries = command.input.Entries ?? [];
      counts.messages += entries.length;
      for (const entry of entries) counts.bytes += entry.MessageBody?.length ?? 0;
      return { Successful: entries.map((_, i) => ({ Id: String(i) })), Failed: [] };
    },
  };
  return client as unknown as SQSClient;
}

async function main(input: S3MemoryChildInput): Promise<S3MemoryChildResult> {
  const { config } = loadConfig(input.configDir);
  const classifier = createClassifier(config, input.cluster);
  const s3 = new SdkS3ObjectReader(
    new S3Client(
      awsClientConfig("s3", { region: "us-east-1", endpoints: { s3: input.s3Endpoint } }),
    ),
  );
  const metrics = new InMemoryClassifierMetrics();
  const silent = { error() {}, warn() {}, info() {}, debug() {} };
  const sent = { messages: 0, bytes: 0 };
  const sqs = new SqsRecordSender({
    client: countingSqsClient(sent),
    queueUrl: "http://127.0.0.1/queue/bench",
    metrics,
    logger: silent,
  });
  let peakHeapUsed = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
  }, 50);
  const baselineRss = process.memoryUsage().rss;
  const event = {
    Records: [
      {
        eventSource: "aws:s3",
        s3: { bucket: { name: input.bucket }, object: { key: input.key, size: input.size } },
      },
    ],
  };
  const started = performance.now();
  const result = await processEvent(event, {
    classifier,
    sqs,
    s3,
    metrics,
    logger: silent,
    limits: DEFAULT_INPUT_LIMITS,
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (result.failedSources.length > 0) {
    throw new Error(`the object could not be read or sent: ${result.failedSources.join(", ")}`);
  }
  return {
    records: result.counts.records,
    classified: result.counts.classified,
    failed: result.counts.failed,
    sqsMessages: sent.messages,
    sqsRecords: metrics.get("SQSRecordsSent"),
    seconds: Number(seconds.toFixed(2)),
    baselineRssMB: Math.round(baselineRss / MB),
    // ru_maxrss is in KiB on Linux: the kernel's own peak for this process
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    peakHeapUsedMB: Math.round(peakHeapUsed / MB),
  };
}

main(JSON.parse(process.argv[2] ?? "{}") as S3MemoryChildInput)
  .then((result) => console.log(JSON.stringify(result)))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
