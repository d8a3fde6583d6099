import { gzipSync } from "node:zlib";
import { FirehoseClient, PutRecordBatchCommand } from "@aws-sdk/client-firehose";
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  PutRecordsCommand,
} from "@aws-sdk/client-kinesis";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { CreateQueueCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import {
  type ClassifierHandler,
  createClassifierHandler,
} from "../../functions/classifier/handler";
import type { ClassifiedRecord } from "../../functions/shared/classified-record";
import { resetRuntimeConfig } from "../../functions/shared/runtime-config";
import { createActiveStream, type Emulators, startEmulators } from "../helpers/emulators";
import {
  kinesisRecordsFromGetRecords,
  lambdaEvent,
  s3Record,
  snsRecord,
} from "../helpers/lambda-events";

// The real handler, real SDK clients: Kinesis (kinesalite), S3 (s3rver) and SQS (local-aws-sqs)
// emulators; Firehose has no emulator, so its client is mocked. Uses the example conf/ (cluster prod).
const STREAM = "acme_prod_streamalert";
const BUCKET = "acme-prod-cloudtrail";

const osqueryRecord = (name: string) => ({
  action: "added",
  calendarTime: "Sat Nov 28 16:00:00 2026 UTC",
  columns: { cmdline: "/usr/sbin/sshd -D", pid: "411" },
  counter: 1,
  decorations: { host_uuid: "4C4C4544" },
  epoch: 0,
  hostIdentifier: "web-1",
  logNumericsAsNumbers: "false",
  log_type: "result",
  name,
  numerics: "false",
  unixTime: 1795881600,
});
const cloudtrailEvent = (eventName: string) => ({
  eventVersion: "1.08",
  userIdentity: { type: "IAMUser", userName: "alice", accountId: "123456789012" },
  eventTime: "2026-11-28T16:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName,
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.7",
  userAgent: "aws-cli/2",
  requestParameters: { userName: "bob" },
  responseElements: {},
  eventID: `id-${eventName}`,
  eventType: "AwsApiCall",
  recipientAccountId: "123456789012",
});

describe("classifier end to end on the emulators", () => {
  let emulators: Emulators;
  let handler: ClassifierHandler;
  let queueUrl: string;
  const firehose = mockClient(FirehoseClient);
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    emulators = await startEmulators(["kinesis", "s3", "sqs"]);
    const queue = await emulators.sqs.send(
      new CreateQueueCommand({ QueueName: "acme_streamalert_classified_logs" }),
    );
    queueUrl = queue.QueueUrl!;
    Object.assign(process.env, {
      CLUSTER: "prod",
      STREAMALERT_CONFIG_DIR: "conf",
      CLASSIFIER_SQS_QUEUE_URL: queueUrl,
      POWERTOOLS_METRICS_DISABLED: "true",
      POWERTOOLS_LOG_LEVEL: "SILENT",
    });
    resetRuntimeConfig();
    firehose.on(PutRecordBatchCommand).callsFake((input) => ({
      FailedPutCount: 0,
      RequestResponses: input.Records.map(() => ({ RecordId: "r" })),
    }));
    handler = createClassifierHandler(emulators.clientOptions);
  });

  afterAll(async () => {
    process.env = savedEnv;
    firehose.restore();
    await emulators?.stop();
  });

  async function receiveAll(): Promise<ClassifiedRecord[]> {
    const records: ClassifiedRecord[] = [];
    for (let empty = 0; empty < 2; ) {
      const { Messages = [] } = await emulators.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
        }),
      );
      if (Messages.length === 0) empty++;
      for (const message of Messages) records.push(...JSON.parse(message.Body!));
    }
    return records;
  }

  it("classifies Kinesis records read back from the stream and sends them to SQS and Firehose", async () => {
    await createActiveStream(emulators.kinesis, STREAM);
    const payloads = [
      Buffer.from(JSON.stringify(osqueryRecord("pack_ssh_keys"))),
      gzipSync(JSON.stringify(osqueryRecord("pack_crontab"))),
      Buffer.from("not a log at all"),
    ];
    await emulators.kinesis.send(
      new PutRecordsCommand({
        StreamName: STREAM,
        Records: payloads.map((Data, i) => ({ Data, PartitionKey: `pk${i}` })),
      }),
    );
    const { ShardIterator } = await emulators.kinesis.send(
      new GetShardIteratorCommand({
        StreamName: STREAM,
        ShardId: "shardId-000000000000",
        ShardIteratorType: "TRIM_HORIZON",
      }),
    );
    const { Records = [] } = await emulators.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    expect(Records).toHaveLength(3);

    const response = await handler(lambdaEvent(...kinesisRecordsFromGetRecords(STREAM, Records)), {
      functionName: "acme_prod_streamalert_classifier",
    });

    expect(response).toEqual({ batchItemFailures: [] });
    const received = await receiveAll();
    expect(received.map((r) => [r.log_schema_type, r.service, r.resource, r.record.name])).toEqual([
      ["osquery:differential", "kinesis", STREAM, "pack_ssh_keys"],
      ["osquery:differential", "kinesis", STREAM, "pack_crontab"],
    ]);
    expect(received[0]).toMatchObject({
      cluster: "prod",
      data_type: "json",
      record: osqueryRecord("pack_ssh_keys"),
    });
    const puts = firehose.commandCalls(PutRecordBatchCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => [p.DeliveryStreamName, p.Records!.length])).toEqual([
      ["acme_streamalert_osquery_differential", 2],
    ]);
  });

  it("reads a gzipped JSON-lines object named by an S3 notification, also through SNS", async () => {
    firehose.resetHistory();
    await emulators.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const key = "AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/28/trail file.json.gz";
    const lines = [
      { Records: [cloudtrailEvent("CreateUser"), cloudtrailEvent("AttachUserPolicy")] },
      { Records: [cloudtrailEvent("DeleteUser")] },
    ];
    const body = gzipSync(lines.map((line) => JSON.stringify(line)).join("\n"));
    await emulators.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

    const response = await handler(lambdaEvent(s3Record(BUCKET, key, body.length)), {
      functionName: "acme_prod_streamalert_classifier",
    });

    expect(response).toEqual({ batchItemFailures: [] });
    const received = await receiveAll();
    expect(received.map((r) => [r.log_schema_type, r.resource, r.record.eventName])).toEqual([
      ["cloudtrail:events", BUCKET, "CreateUser"],
      ["cloudtrail:events", BUCKET, "AttachUserPolicy"],
      ["cloudtrail:events", BUCKET, "DeleteUser"],
    ]);
    const [put] = firehose.commandCalls(PutRecordBatchCommand).map((c) => c.args[0].input);
    expect(put.DeliveryStreamName).toBe("acme_streamalert_cloudtrail_events");
    expect(put.Records).toHaveLength(3);

    const wrapped = snsRecord(
      "acme_prod_s3_events",
      JSON.stringify({ Records: [s3Record(BUCKET, key)] }),
    );
    await handler(lambdaEvent(wrapped), { functionName: "acme_prod_streamalert_classifier" });
    expect((await receiveAll()).map((r) => r.record.eventName)).toEqual([
      "CreateUser",
      "AttachUserPolicy",
      "DeleteUser",
    ]);
  });

  it("fails the invocation when an S3 object cannot be read, so Lambda retries it", async () => {
    await expect(
      handler(lambdaEvent(s3Record(BUCKET, "missing.json.gz")), {
        functionName: "acme_prod_streamalert_classifier",
      }),
    ).rejects.toThrow("s3://acme-prod-cloudtrail/missing.json.gz");
  });
});
