import { gzipSync } from "node:zlib";
import type { S3ObjectReader } from "../../../functions/classifier/inputs";
import { InMemoryClassifierMetrics } from "../../../functions/classifier/metrics";
import { processEvent } from "../../../functions/classifier/process-event";
import type { RecordSender } from "../../../functions/classifier/senders/types";
import type { Classifier, RawRecord } from "../../../functions/classifier/types";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";
import { kinesisRecord, lambdaEvent, s3Record, snsRecord } from "../../helpers/lambda-events";

/** Classifies JSON objects that have a "kind" key; only resources named "known*" are configured. */
const fakeClassifier: Classifier = {
  cluster: "prod",
  classify(raw: RawRecord) {
    if (!raw.resource.startsWith("known")) {
      return { ok: false, reason: "unknown_resource", message: `unknown ${raw.resource}` };
    }
    if (raw.data === "boom") throw new Error("classifier bug");
    try {
      const record = typeof raw.data === "string" ? JSON.parse(raw.data) : raw.data;
      if (typeof record?.kind !== "string") throw new Error("no kind");
      const normalized = record.ip ? { streamalert_normalization: { sourceAddress: [] } } : {};
      return {
        ok: true,
        records: [
          {
            cluster: "prod",
            log_schema_type: `test:${record.kind}`,
            record: { ...record, ...normalized },
            service: raw.service,
            resource: raw.resource,
            data_type: "json",
          },
        ],
      };
    } catch {
      return { ok: false, reason: "no_match", message: "matches no schema" };
    }
  },
};

class RecordingSender implements RecordSender {
  readonly failedSources = new Set<string>();
  readonly sent: ClassifiedRecord[] = [];
  constructor(private readonly failFor: (record: ClassifiedRecord) => boolean = () => false) {}
  async add(record: ClassifiedRecord, sourceId: string) {
    if (this.failFor(record)) this.failedSources.add(sourceId);
    else this.sent.push(record);
  }
  async flush() {}
}

function s3With(objects: Record<string, Buffer | string>): S3ObjectReader {
  return {
    async open(bucket, key) {
      const bytes = Buffer.from(objects[`${bucket}/${key}`]);
      return (async function* () {
        for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
      })();
    },
  };
}

function run(event: unknown, options: { s3?: S3ObjectReader; sqs?: RecordingSender } = {}) {
  const deps = {
    classifier: fakeClassifier,
    sqs: options.sqs ?? new RecordingSender(),
    firehose: new RecordingSender(),
    s3: options.s3 ?? s3With({}),
    metrics: new InMemoryClassifierMetrics(),
    logger: { error: jest.fn(), warn: jest.fn(), info: jest.fn(), debug: jest.fn() },
  };
  return { deps, result: processEvent(event, deps) };
}

describe("processEvent", () => {
  it("hands valid records on and counts bad ones without failing the batch", async () => {
    const fiftyMbLine = "x".repeat(50 * 1024 * 1024);
    const s3Object = gzipSync(
      `{"kind":"a"}\n${fiftyMbLine}\n\u0000\u0001garbage\n{"kind":"b","ip":"10.0.0.1"}\n`,
    );
    const event = lambdaEvent<unknown>(
      kinesisRecord("known_stream", { kind: "k" }),
      kinesisRecord("known_stream", "{truncated"),
      kinesisRecord("other_stream", { kind: "k" }),
      kinesisRecord("known_stream", "boom"),
      s3Record("known_bucket", "logs.gz"),
      snsRecord("known_topic", '{"kind":"s"}'),
    );
    const { deps, result } = run(event, { s3: s3With({ "known_bucket/logs.gz": s3Object }) });
    const { batchItemFailures, failedSources, counts } = await result;

    expect((deps.sqs as RecordingSender).sent.map((r) => r.record.kind)).toEqual([
      "k",
      "a",
      "b",
      "s",
    ]);
    expect((deps.firehose as RecordingSender).sent).toHaveLength(4);
    expect(batchItemFailures).toEqual([]);
    expect(failedSources).toEqual([]);
    expect(counts).toEqual({ records: 9, classified: 4, failed: 5 });
    const metric = (name: Parameters<InMemoryClassifierMetrics["get"]>[0]) =>
      deps.metrics.get(name);
    expect(metric("TotalRecords")).toBe(9);
    expect(metric("FailedParses")).toBe(5);
    expect(metric("TotalS3Records")).toBe(4);
    expect(metric("NormalizedRecords")).toBe(1);
    expect(metric("TotalProcessedSize")).toBeGreaterThan(50 * 1024 * 1024);
    expect(deps.metrics.totals.has("S3DownloadTime")).toBe(true);

    const logged = deps.logger.error.mock.calls.filter(
      ([message]) => message === "record not classified",
    );
    expect(logged.map(([, details]) => details.reason)).toEqual([
      "no_match",
      "unknown_resource",
      "classifier_error",
      "no_match",
      "no_match",
    ]);
    for (const [, details] of logged) expect(details.record.length).toBeLessThan(1200);
    // Powertools drops a "service" key (its own): the source's service has its own name
    for (const [, details] of logged) {
      expect(details).not.toHaveProperty("service");
      expect(["kinesis", "s3", "sns", "streamalert_app"]).toContain(details.sourceService);
    }
  });

  it("reports Kinesis records whose send failed as batch item failures, S3 objects as failed sources", async () => {
    const sqs = new RecordingSender((record) => record.record.kind === "fail");
    const kept = kinesisRecord("known_stream", { kind: "ok" });
    const lost = kinesisRecord("known_stream", { kind: "fail" });
    const event = lambdaEvent<unknown>(kept, lost, s3Record("known_bucket", "k"));
    const { result } = run(event, { sqs, s3: s3With({ "known_bucket/k": '{"kind":"fail"}' }) });
    const { batchItemFailures, failedSources } = await result;
    expect(batchItemFailures).toEqual([{ itemIdentifier: lost.kinesis.sequenceNumber }]);
    expect(failedSources).toEqual(["s3://known_bucket/k"]);
  });

  it("logs only the first bad records one by one, then a count", async () => {
    const event = lambdaEvent(
      ...Array.from({ length: 150 }, () => kinesisRecord("known_stream", "bad")),
    );
    const { deps, result } = run(event);
    await result;
    expect(deps.metrics.get("FailedParses")).toBe(150);
    const messages = deps.logger.error.mock.calls.map(([message]) => message);
    expect(messages.filter((m) => m === "record not classified")).toHaveLength(100);
    expect(deps.logger.error).toHaveBeenCalledWith("more bad records were counted but not logged", {
      count: 50,
    });
  });
});
