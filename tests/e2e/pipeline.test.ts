// The whole pipeline through the real handlers and SDK clients: CloudTrail via CloudWatch Events
// on Kinesis (kinesalite), a gzipped JSON-lines CloudTrail object in S3 (s3rver) and BinaryAlert
// matches on SNS → classifier → SQS (local-aws-sqs) → rules engine → alerts table (dynalite) →
// alert merger → alert processor (the merger's Lambda invoke runs it in process) → a local
// webhook standing in for Slack. Firehose has no emulator: its client is mocked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { FirehoseClient, PutRecordBatchCommand, PutRecordCommand } from "@aws-sdk/client-firehose";
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  PutRecordsCommand,
} from "@aws-sdk/client-kinesis";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { handler as mergerHandler } from "../../functions/alert_merger/handler";
import { createMapCredentialProvider } from "../../functions/alert_processor/credentials";
import {
  handler as processorHandler,
  setProcessorDependencies,
} from "../../functions/alert_processor/handler";
import { createOutputServices } from "../../functions/alert_processor/outputs";
import { createHttpClient } from "../../functions/alert_processor/outputs/http";
import { createClassifierHandler } from "../../functions/classifier/handler";
import { handler as rulesEngineHandler, setRegistry } from "../../functions/rules_engine/handler";
import type { LogRecord } from "../../functions/shared/classified-record";
import { buildRuleRegistry } from "../../functions/shared/rules/registry";
import { rule } from "../../functions/shared/rules/types";
import { resetRuntimeConfig } from "../../functions/shared/runtime-config";
import { ALERTS_TABLE_KEYS, createKeyTable } from "../../scripts/cli/run/local-resources";
import { createActiveStream, type Emulators, startEmulators } from "../helpers/emulators";
import {
  kinesisRecordsFromGetRecords,
  lambdaEvent,
  s3Record,
  snsRecord,
} from "../helpers/lambda-events";

const STREAM = "acme_prod_streamalert";
const BUCKET = "acme-prod-cloudtrail";
const TOPIC = "acme_prod_alerts_in";
const ALERTS_TABLE = "acme_streamalert_alerts";
const WEBHOOK_PATH = "/services/T000/B000/secret-token";
const context = { functionName: "acme_prod_streamalert_classifier" };

const cloudtrailEvent = (eventName: string, userName: string) => ({
  eventVersion: "1.08",
  userIdentity: { type: "IAMUser", userName: "admin", accountId: "123456789012" },
  eventTime: "2026-11-28T16:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName,
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.7",
  userAgent: "aws-cli/2",
  requestParameters: { userName },
  responseElements: {},
  eventID: `id-${eventName}-${userName}`,
  eventType: "AwsApiCall",
  recipientAccountId: "123456789012",
});
const viaCloudWatchEvents = (event: ReturnType<typeof cloudtrailEvent>) => ({
  version: "0",
  id: `cwe-${event.eventID}`,
  "detail-type": "AWS API Call via CloudTrail",
  source: "aws.iam",
  account: "123456789012",
  time: event.eventTime,
  region: "us-east-1",
  resources: [],
  detail: event,
});
const yaraMatch = (sha: string) => ({
  FileInfo: {
    MD5: "0".repeat(32),
    S3Location: `s3://acme-binaries/${sha}`,
    SAMPLE: "",
    SHA256: sha,
    Size: "4096",
  },
  MatchedRules: {
    Rule1: { MatchedStrings: ["$a"], Meta: {}, RuleFile: "x.yar", RuleName: "evil" },
  },
  NumMatchedRules: 1,
});

// Test rules: one per input path, each to the Slack output of conf/outputs.json.
const createdUser = (record: LogRecord) => {
  const event = (record.detail ?? record) as { eventName?: string; requestParameters?: unknown };
  return event.eventName === "CreateUser";
};
const registry = buildRuleRegistry([
  {
    file: "e2e.ts",
    exports: {
      iam_user_created: rule(
        {
          logs: ["cloudtrail:events", "cloudwatch:events"],
          outputs: ["slack:security-alerts"],
        },
        createdUser,
      ),
      yara_match: rule(
        { logs: ["binaryalert"], outputs: ["slack:security-alerts"] },
        (record) => Number(record.NumMatchedRules) > 0,
      ),
    },
  },
]);

interface SlackPost {
  path: string;
  body: { text?: string; attachments?: Array<Record<string, unknown>> };
}

let emulators: Emulators;
let webhook: Server;
const posts: SlackPost[] = [];
const firehose = mockClient(FirehoseClient);
const lambda = mockClient(LambdaClient);
const savedEnv = { ...process.env };
let queueUrl: string;

beforeAll(async () => {
  emulators = await startEmulators(["kinesis", "s3", "sqs", "dynamodb"]);
  webhook = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      posts.push({ path: req.url ?? "", body: JSON.parse(text) });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  const { port } = webhook.address() as AddressInfo;

  queueUrl = (
    await emulators.sqs.send(new CreateQueueCommand({ QueueName: "acme_streamalert_classified" }))
  ).QueueUrl!;
  await createKeyTable(emulators.dynamodb, ALERTS_TABLE, ALERTS_TABLE_KEYS);
  await createActiveStream(emulators.kinesis, STREAM);
  await emulators.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));

  Object.assign(process.env, {
    CLUSTER: "prod",
    STREAMALERT_CONFIG_DIR: "conf",
    CLASSIFIER_SQS_QUEUE_URL: queueUrl,
    ALERTS_TABLE,
    ALERT_PROCESSOR: "acme_streamalert_alert_processor",
    ALERT_PROCESSOR_TIMEOUT_SEC: "60",
    AWS_ENDPOINT_URL_DYNAMODB: emulators.clientOptions.endpoints?.dynamodb,
    POWERTOOLS_METRICS_DISABLED: "true",
    POWERTOOLS_LOG_LEVEL: "SILENT",
  });
  resetRuntimeConfig();
  firehose.on(PutRecordBatchCommand).callsFake((input) => ({
    FailedPutCount: 0,
    RequestResponses: input.Records.map(() => ({ RecordId: "r" })),
  }));
  // every alert also goes to the alerts delivery stream (aws-firehose:alerts)
  firehose.on(PutRecordCommand).resolves({ RecordId: "alert" });
  // the merger's async invoke of the processor, run in process with the payload it sent
  lambda.on(InvokeCommand).callsFake(async (input) => {
    await processorHandler(JSON.parse(Buffer.from(input.Payload).toString("utf8")));
    return { StatusCode: 202 };
  });
  setRegistry(registry, emulators.clientOptions);
  setProcessorDependencies({
    outputServices: createOutputServices({
      clientOptions: emulators.clientOptions,
      http: createHttpClient({ baseDelayMs: 1 }),
    }),
    clientOptions: emulators.clientOptions,
    credentials: createMapCredentialProvider({
      "/acme/streamalert/outputs/slack/security-alerts": JSON.stringify({
        url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
      }),
    }),
  });
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  firehose.restore();
  lambda.restore();
  await new Promise((resolve) => webhook?.close(resolve));
  await emulators?.stop();
});

/** Puts the inputs into the emulators and builds the Lambda events from what they return. */
async function inputEvents() {
  await emulators.kinesis.send(
    new PutRecordsCommand({
      StreamName: STREAM,
      Records: [
        JSON.stringify(viaCloudWatchEvents(cloudtrailEvent("CreateUser", "kinesis-user"))),
        "\u0000garbage that is no log\u0001",
        JSON.stringify(viaCloudWatchEvents(cloudtrailEvent("DeleteUser", "kinesis-user"))),
      ].map((data, i) => ({ Data: Buffer.from(data), PartitionKey: `pk${i}` })),
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

  const key = "AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/28/file.json.gz";
  const body = gzipSync(
    [
      JSON.stringify({ Records: [cloudtrailEvent("CreateUser", "s3-user")] }),
      "{ this line is broken",
      JSON.stringify({ Records: [cloudtrailEvent("CreateUser", "s3-user-2")] }),
    ].join("\n"),
  );
  await emulators.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

  return [
    lambdaEvent(...kinesisRecordsFromGetRecords(STREAM, Records)),
    lambdaEvent(s3Record(BUCKET, key, body.length)),
    lambdaEvent(
      snsRecord(TOPIC, JSON.stringify(yaraMatch("a".repeat(64)))),
      snsRecord(TOPIC, "not json at all"),
      snsRecord(TOPIC, JSON.stringify(yaraMatch("b".repeat(64)))),
    ),
  ];
}

/** Drains the classified-records queue into SQS events for the rules engine. */
async function queuedEvents(): Promise<SQSEvent[]> {
  const events: SQSEvent[] = [];
  for (let empty = 0; empty < 2; ) {
    const { Messages = [] } = await emulators.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
    );
    if (Messages.length === 0) {
      empty += 1;
      continue;
    }
    events.push({
      Records: Messages.map((m) => ({
        messageId: m.MessageId!,
        receiptHandle: m.ReceiptHandle!,
        body: m.Body!,
        attributes: {} as SQSEvent["Records"][number]["attributes"],
        messageAttributes: {},
        md5OfBody: m.MD5OfBody ?? "",
        eventSource: "aws:sqs",
        eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:acme_streamalert_classified",
        awsRegion: "us-east-1",
      })),
    });
    await emulators.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
  return events;
}

async function alertsInTable(): Promise<number> {
  const { Items = [] } = await emulators.dynamodb.send(
    new ScanCommand({ TableName: ALERTS_TABLE }),
  );
  return Items.length;
}

it("delivers exactly the expected alerts to Slack, loses nothing around garbage, and a replayed input creates no duplicates", async () => {
  const events = await inputEvents();
  // the same input twice: a Lambda retry of every batch
  for (let round = 0; round < 2; round += 1) {
    for (const event of events) {
      const response = await createClassifierHandler(emulators.clientOptions)(event, context);
      expect(response).toEqual({ batchItemFailures: [] });
    }
    const queued = await queuedEvents();
    // every good record around the garbage made it, classified
    const classified = queued.flatMap((event) =>
      event.Records.flatMap(
        (message) => JSON.parse(message.body) as Array<{ log_schema_type: string }>,
      ),
    );
    expect(classified.map((record) => record.log_schema_type).sort()).toEqual([
      "binaryalert",
      "binaryalert",
      "cloudtrail:events",
      "cloudtrail:events",
      "cloudwatch:events",
      "cloudwatch:events",
    ]);
    for (const event of queued) {
      expect(await rulesEngineHandler(event)).toEqual({ batchItemFailures: [] });
    }
  }
  expect(await alertsInTable()).toBe(5);

  const summary = await mergerHandler();
  expect(summary).toBeDefined();

  const delivered = posts.map((post) => {
    expect(post.path).toBe(WEBHOOK_PATH);
    return JSON.stringify(post.body);
  });
  const mentions = (needle: string) => delivered.filter((text) => text.includes(needle)).length;
  expect(mentions("iam_user_created")).toBe(3);
  expect(mentions("kinesis-user")).toBe(1);
  expect(mentions("s3-user")).toBe(2);
  expect(mentions("s3-user-2")).toBe(1);
  expect(mentions("yara_match")).toBe(2);
  expect(mentions("a".repeat(64))).toBe(1);
  expect(mentions("b".repeat(64))).toBe(1);
  expect(mentions("DeleteUser")).toBe(0);
  const archived = firehose
    .commandCalls(PutRecordCommand)
    .map((call) => JSON.parse(Buffer.from(call.args[0].input.Record!.Data!).toString("utf8")));
  expect(archived.map((alert) => alert.rule_name).sort()).toEqual([
    "iam_user_created",
    "iam_user_created",
    "iam_user_created",
    "yara_match",
    "yara_match",
  ]);
  expect(await alertsInTable()).toBe(0);

  // a second merger run has nothing left to send
  const before = posts.length;
  await mergerHandler();
  expect(posts.length).toBe(before);
}, 60_000);
