import { FirehoseClient, PutRecordBatchCommand } from "@aws-sdk/client-firehose";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { InMemoryClassifierMetrics } from "../../../functions/classifier/metrics";
import { FirehoseRecordSender } from "../../../functions/classifier/senders/firehose";
import {
  firehoseLogFilter,
  firehoseStreamName,
} from "../../../functions/classifier/senders/firehose-names";
import { SQS_MAX_MESSAGE_BYTES, SqsRecordSender } from "../../../functions/classifier/senders/sqs";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";

const sqsMock = mockClient(SQSClient);
const firehoseMock = mockClient(FirehoseClient);
const noWait = { attempts: 3, baseDelayMs: 1, sleep: async () => undefined };
const fakeLogger = () => ({ error: jest.fn(), warn: jest.fn(), info: jest.fn(), debug: jest.fn() });

function classified(
  record: Record<string, unknown>,
  logType = "osquery:differential",
): ClassifiedRecord {
  return {
    cluster: "prod",
    log_schema_type: logType,
    record,
    service: "kinesis",
    resource: "s",
    data_type: "json",
  };
}
const padded = (bytes: number, id: number) => classified({ id, pad: "é".repeat(bytes / 2) });

beforeEach(() => {
  sqsMock.reset();
  firehoseMock.reset();
});

function sqsSender(metrics = new InMemoryClassifierMetrics(), logger = fakeLogger()) {
  const sender = new SqsRecordSender({
    client: new SQSClient({}),
    queueUrl: "q",
    metrics,
    logger,
    retry: noWait,
  });
  return { sender, metrics, logger };
}
const sentBodies = () =>
  sqsMock
    .commandCalls(SendMessageBatchCommand)
    .flatMap((c) => c.args[0].input.Entries!.map((e) => e.MessageBody!));

describe("SQS sender", () => {
  it("packs records into JSON-array bodies of at most 256 KiB and batch calls of at most 256 KiB", async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const { sender, metrics } = sqsSender();
    for (let id = 0; id < 40; id++) await sender.add(padded(30_000, id), `seq-${id}`);
    await sender.flush();
    const bodies = sentBodies();
    const ids = bodies.flatMap((body) =>
      (JSON.parse(body) as ClassifiedRecord[]).map((r) => r.record.id),
    );
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (const body of bodies)
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(SQS_MAX_MESSAGE_BYTES);
    for (const call of sqsMock.commandCalls(SendMessageBatchCommand)) {
      const entries = call.args[0].input.Entries!;
      expect(entries.length).toBeLessThanOrEqual(10);
      expect(
        entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody!), 0),
      ).toBeLessThanOrEqual(SQS_MAX_MESSAGE_BYTES);
    }
    expect(metrics.get("SQSRecordsSent")).toBe(40);
  });

  it("fills a message up to exactly 256 KiB", async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({});
    const { sender } = sqsSender();
    const skeleton = JSON.stringify(classified({ pad: "" })).length; // one record alone: "[" + json + "]"
    await sender.add(classified({ pad: "a".repeat(SQS_MAX_MESSAGE_BYTES - 2 - skeleton) }), "s");
    await sender.add(classified({ pad: "" }), "s");
    await sender.flush();
    expect(sentBodies().map((b) => Buffer.byteLength(b))).toEqual([
      SQS_MAX_MESSAGE_BYTES,
      skeleton + 2,
    ]);
  });

  it("reports a record too big for SQS and still sends the rest", async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({});
    const { sender, metrics, logger } = sqsSender();
    await sender.add(classified({ id: 1 }), "a");
    await sender.add(padded(300_000, 2), "b");
    await sender.add(classified({ id: 3 }), "c");
    await sender.flush();
    expect(
      sentBodies().flatMap((b) => JSON.parse(b).map((r: ClassifiedRecord) => r.record.id)),
    ).toEqual([1, 3]);
    expect(metrics.get("SQSFailedRecords")).toBe(1);
    expect(logger.error).toHaveBeenCalledWith(
      "classified record too large for SQS, not sent",
      expect.anything(),
    );
    expect(sender.failedSources.size).toBe(0);
  });

  it("resends a failed entry until it is accepted", async () => {
    sqsMock
      .on(SendMessageBatchCommand)
      .rejectsOnce(new Error("socket hang up"))
      .resolvesOnce({ Failed: [{ Id: "0", Code: "InternalError", SenderFault: false }] })
      .resolves({ Successful: [{ Id: "0", MessageId: "m", MD5OfMessageBody: "x" }] });
    const { sender, metrics } = sqsSender();
    for (let id = 0; id < 3; id++) await sender.add(classified({ id }), `seq-${id}`);
    await sender.flush();
    expect(sentBodies()).toHaveLength(3);
    expect(new Set(sentBodies()).size).toBe(1);
    expect(metrics.get("SQSRecordsSent")).toBe(3);
    expect(sender.failedSources.size).toBe(0);
  });

  it("sends the accepted messages once and reports the sources of the rest when retries run out", async () => {
    // 10 records of ~100 KB: 5 messages of 2 records, one per call; the one holding id 0 always fails
    sqsMock.on(SendMessageBatchCommand).callsFake((input) => {
      const first = input.Entries[0].MessageBody as string;
      const stuck = (JSON.parse(first) as ClassifiedRecord[]).some((r) => r.record.id === 0);
      return stuck ? { Failed: [{ Id: "0", Code: "InternalError", SenderFault: false }] } : {};
    });
    const { sender, metrics, logger } = sqsSender();
    for (let id = 0; id < 10; id++) await sender.add(padded(100_000, id), `seq-${id}`);
    await sender.flush();
    expect([...sender.failedSources].sort()).toEqual(["seq-0", "seq-1"]);
    expect(metrics.get("SQSFailedRecords")).toBe(2);
    expect(metrics.get("SQSRecordsSent")).toBe(8);
    const stuckCalls = sentBodies().filter((b) => b.includes('"id":0,'));
    expect(stuckCalls).toHaveLength(3);
    expect(logger.error).toHaveBeenCalledWith(
      "SQS messages not sent after retries",
      expect.objectContaining({ records: 2 }),
    );
  });
});

describe("Firehose sender", () => {
  const filter = firehoseLogFilter({
    enabled: true,
    enabled_logs: { osquery: {}, "cloudwatch:events": {} },
  });
  function firehoseSender(metrics = new InMemoryClassifierMetrics()) {
    const client = new FirehoseClient({});
    const sender = new FirehoseRecordSender({
      client,
      prefix: "acme",
      isEnabled: filter,
      metrics,
      logger: fakeLogger(),
      retry: noWait,
    });
    return { sender, metrics };
  }
  const putCalls = () =>
    firehoseMock.commandCalls(PutRecordBatchCommand).map((c) => c.args[0].input);

  it.each([
    ["osquery:differential", true],
    ["cloudwatch:events", true],
    ["cloudwatch:flow_logs", false],
    ["duo:authentication", false],
  ])("sends %s only when its family or type is enabled (%s)", async (logType, sent) => {
    firehoseMock.on(PutRecordBatchCommand).resolves({ RequestResponses: [{}] });
    const { sender } = firehoseSender();
    await sender.add(classified({ a: 1 }, logType), "s");
    await sender.flush();
    expect(putCalls().length).toBe(sent ? 1 : 0);
  });

  it("sends sanitized JSON lines to the log type's stream", async () => {
    firehoseMock.on(PutRecordBatchCommand).resolves({ RequestResponses: [{}] });
    const { sender } = firehoseSender();
    await sender.add(
      classified({
        "user-name": "x",
        "streamalert:envelope_keys": { "a.b": 1 },
        list: [{ "c d": 2 }],
      }),
      "s",
    );
    await sender.flush();
    const [call] = putCalls();
    expect(call.DeliveryStreamName).toBe("acme_streamalert_osquery_differential");
    expect(Buffer.from(call.Records![0].Data!).toString()).toBe(
      '{"user_name":"x","streamalert_envelope_keys":{"a_b":1},"list":[{"c_d":2}]}\n',
    );
  });

  it("splits at 500 records and 4 MiB per call, and skips records over 1,000 KiB", async () => {
    firehoseMock
      .on(PutRecordBatchCommand)
      .callsFake((input) => ({ RequestResponses: input.Records.map(() => ({})) }));
    const { sender, metrics } = firehoseSender();
    for (let i = 0; i < 1200; i++) await sender.add(classified({ i }), "s");
    for (let i = 0; i < 10; i++)
      await sender.add(classified({ big: "x".repeat(900_000) }, "osquery:snapshot"), "s");
    await sender.add(classified({ huge: "x".repeat(1_100_000) }), "s");
    await sender.flush();
    const sizes = putCalls().map((c) => [
      c.Records!.length,
      c.Records!.reduce((n, r) => n + r.Data!.length, 0),
    ]);
    for (const [count, bytes] of sizes) {
      expect(count).toBeLessThanOrEqual(500);
      expect(bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    expect(metrics.get("FirehoseRecordsSent")).toBe(1210);
    expect(metrics.get("FirehoseFailedRecords")).toBe(1);
  });

  it("resends only the records the response marks as failed", async () => {
    firehoseMock
      .on(PutRecordBatchCommand)
      .resolvesOnce({
        FailedPutCount: 1,
        RequestResponses: [
          { RecordId: "a" },
          { ErrorCode: "ServiceUnavailableException" },
          { RecordId: "c" },
        ],
      })
      .resolves({ RequestResponses: [{ RecordId: "b" }] });
    const { sender, metrics } = firehoseSender();
    for (const i of [1, 2, 3]) await sender.add(classified({ i }), "s");
    await sender.flush();
    const [, retry] = putCalls();
    expect(retry.Records!.map((r) => Buffer.from(r.Data!).toString())).toEqual(['{"i":2}\n']);
    expect(metrics.get("FirehoseRecordsSent")).toBe(3);
  });
});

describe("firehoseStreamName", () => {
  it("sanitizes the log type", () => {
    expect(firehoseStreamName("acme", "cloudwatch:flow_logs")).toBe(
      "acme_streamalert_cloudwatch_flow_logs",
    );
  });

  it("keeps long names within 64 characters and unique", () => {
    const a = firehoseStreamName("acme", `carbonblack:${"x".repeat(60)}_alert`);
    const b = firehoseStreamName("acme", `carbonblack:${"x".repeat(60)}_feed`);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(b.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^acme_streamalert_carbonblack_x+_[0-9a-f]{8}$/);
  });
});
