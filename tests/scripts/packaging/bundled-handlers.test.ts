// The deployable bundles, run: the classifier, rules engine and alert processor exactly as
// bundleFunctionFiles builds them (minified, the AWS SDK inside as tree-shaken ES modules, conf/
// embedded, the processor's AWS outputs in a file of their own), written to a temp folder, required
// and invoked with Lambda events. Their SDK clients talk to the emulators (s3rver,
// local-aws-sqs, dynalite) and a Firehose stand-in, configured the way Lambda configures them:
// by environment only. A bundling or tree-shaking mistake in the SDK (a missing serializer,
// protocol or middleware) fails a real request here instead of after deploy.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { CreateQueueCommand, type Message, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { SQSBatchResponse, SQSEvent, SQSRecordAttributes } from "aws-lambda";
import { toItem } from "../../../functions/shared/alert";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";
import { loadConfig } from "../../../functions/shared/config";
import { classifierName, globalNames } from "../../../modules/shared/names";
import {
  createLocalResources,
  type LocalResources,
} from "../../../scripts/cli/run/local-resources";
import { loadTestEventFile, type TestEvent } from "../../../scripts/cli/test/test-event";
import { bundleFunctionFiles, FUNCTION_BUNDLES } from "../../../scripts/packaging/bundle";
import { collectConfigFiles } from "../../../scripts/packaging/config-files";
import { alertOf } from "../../alert_merger/factories";
import { type Emulators, startEmulators } from "../../helpers/emulators";
import { kinesisRecord, lambdaEvent, s3Record } from "../../helpers/lambda-events";
import { type FirehoseStandIn, startFirehoseStandIn } from "./firehose-stand-in";

const CLUSTER = "prod";
const config = loadConfig("conf").config;
const prefix = config.global.account.prefix;
/** cloudtrail is a Firehose-enabled log type in conf/global.json; cloudwatch is not */
const CLOUDTRAIL_DELIVERY_STREAM = `${prefix}_streamalert_cloudtrail_events`;

/** Every event of a rule's test file with its expected rules (none need test fixtures). */
function ruleTestEvents(ruleFile: string, service: TestEvent["service"]): TestEvent[] {
  const { events, errors } = loadTestEventFile(ruleFile);
  if (errors.length > 0) throw new Error(`${ruleFile}: ${errors.join("; ")}`);
  const usable = events.filter(
    (event) => event.service === service && event.trigger_rules && !event.test_fixtures,
  );
  if (!usable.some((event) => (event.trigger_rules ?? []).length > 0)) {
    throw new Error(`${ruleFile} has no ${service} event that triggers a rule: pick another rule`);
  }
  return usable;
}

// Root credentials used (CloudWatch Events on Kinesis) and a root access key created (CloudTrail
// in S3), with their look-alikes that must not alert.
const kinesisEvents = ruleTestEvents(
  "rules/community/cloudwatch_events/cloudtrail_root_account_usage.json",
  "kinesis",
);
const s3Events = ruleTestEvents("rules/aws/cloudtrail/aws_root_access_key_created.json", "s3");
const STREAM = kinesisEvents[0].source;
const BUCKET = s3Events[0].source;

type BundledHandler<E, R> = (event: E, context: { functionName: string }) => Promise<R>;
type ClassifierBundle = BundledHandler<unknown, { batchItemFailures: unknown[] }>;
type RulesEngineBundle = BundledHandler<SQSEvent, SQSBatchResponse>;

const tempDirs: string[] = [];

/** Build one function's bundle (every file of its zip) and load it from outside the project. */
async function loadBundle<H>(key: string): Promise<H> {
  const spec = FUNCTION_BUNDLES.find((candidate) => candidate.key === key);
  if (!spec) throw new Error(`no bundle spec named ${key} in FUNCTION_BUNDLES`);
  const files = await bundleFunctionFiles(spec, process.cwd(), collectConfigFiles("conf"));
  const dir = mkdtempSync(join(tmpdir(), `streamalert-${key}-`));
  tempDirs.push(dir);
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  const loaded = require(join(dir, "index.js")) as { handler?: H };
  if (typeof loaded.handler !== "function") throw new Error(`${key} bundle exports no handler`);
  return loaded.handler;
}

/** Everything in the queue; the classifier's messages are there by the time it returns. */
async function drainQueue(queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (let emptyReads = 0; emptyReads < 2; ) {
    const { Messages = [] } = await emulators.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
    );
    if (Messages.length === 0) emptyReads += 1;
    messages.push(...Messages);
  }
  return messages;
}

/** The SQS event the event source mapping builds from received messages. */
function sqsEvent(messages: Message[], queueName: string): SQSEvent {
  return {
    Records: messages.map((message) => ({
      messageId: message.MessageId!,
      receiptHandle: message.ReceiptHandle!,
      body: message.Body!,
      attributes: {} as SQSRecordAttributes,
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? "",
      eventSource: "aws:sqs",
      eventSourceARN: `arn:aws:sqs:us-east-1:${config.global.account.aws_account_id}:${queueName}`,
      awsRegion: "us-east-1",
    })),
  };
}

/** A test event's data as the log source writes it. */
const rawData = (event: TestEvent) =>
  typeof event.data === "string" ? event.data : JSON.stringify(event.data);

const sorted = <T>(values: T[]) => [...values].sort();

let emulators: Emulators;
let firehose: FirehoseStandIn;
let resources: LocalResources;
let classifier: ClassifierBundle;
let rulesEngine: RulesEngineBundle;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulators = await startEmulators(["sqs", "dynamodb", "s3"]);
  firehose = await startFirehoseStandIn();
  const names = globalNames(prefix);
  // What the deployed functions get (modules/): CLUSTER for the classifier, which looks its
  // queue up by name; the table names for the rules engine. The endpoints stand in for AWS.
  delete process.env.CLASSIFIER_SQS_QUEUE_URL;
  delete process.env.STREAMALERT_CONFIG_DIR;
  Object.assign(process.env, {
    AWS_REGION: config.global.account.region,
    AWS_ENDPOINT_URL_SQS: emulators.endpoints.sqs,
    AWS_ENDPOINT_URL_S3: emulators.endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: emulators.endpoints.dynamodb,
    AWS_ENDPOINT_URL_FIREHOSE: firehose.endpoint,
    CLUSTER,
    ALERTS_TABLE: names.alertsTable,
    RULES_TABLE: names.rulesTable,
    POWERTOOLS_METRICS_DISABLED: "true",
    POWERTOOLS_LOG_LEVEL: "SILENT",
  });
  resources = await createLocalResources(emulators, config, CLUSTER);
  classifier = await loadBundle<ClassifierBundle>("classifier");
  rulesEngine = await loadBundle<RulesEngineBundle>("rules_engine");
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  await firehose?.close();
  await emulators?.stop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

let queued: Message[] = [];

it("the bundled classifier reads Kinesis and S3 input and sends it to SQS and Firehose", async () => {
  const context = { functionName: classifierName(prefix, CLUSTER) };
  const kinesisResponse = await classifier(
    lambdaEvent(...kinesisEvents.map((event) => kinesisRecord(STREAM, rawData(event)))),
    context,
  );
  expect(kinesisResponse).toEqual({ batchItemFailures: [] });

  // CloudTrail delivers gzipped JSON; one document per line, as several trails' files are read
  const key = `AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/28/123456789012_CloudTrail_us-east-1_20261128T1200Z_bundle.json.gz`;
  const body = gzipSync(s3Events.map(rawData).join("\n"));
  await emulators.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  const s3Response = await classifier(lambdaEvent(s3Record(BUCKET, key, body.length)), context);
  expect(s3Response).toEqual({ batchItemFailures: [] });

  queued = await drainQueue(resources.queueUrl);
  const classified = queued.flatMap((message) => {
    const records = JSON.parse(message.Body!) as ClassifiedRecord[];
    expect(Array.isArray(records)).toBe(true);
    return records;
  });
  expect(
    sorted(
      classified.map(
        (record) =>
          `${record.cluster} ${record.service} ${record.resource} ${record.log_schema_type}`,
      ),
    ),
  ).toEqual(
    sorted(
      [...kinesisEvents, ...s3Events].map(
        (event) => `${CLUSTER} ${event.service} ${event.source} ${event.log}`,
      ),
    ),
  );

  // only the Firehose-enabled log type was archived, every CloudTrail record once
  expect(firehose.rejected).toEqual([]);
  expect(new Set(firehose.batches.map((batch) => batch.deliveryStreamName))).toEqual(
    new Set([CLOUDTRAIL_DELIVERY_STREAM]),
  );
  const archived = firehose.batches.flatMap((batch) =>
    batch.records.map((line) => JSON.parse(line) as { eventName?: string }),
  );
  const cloudTrailRecords = s3Events.flatMap(
    (event) => (event.data as { Records: Array<{ eventName: string }> }).Records,
  );
  expect(sorted(archived.map((record) => record.eventName))).toEqual(
    sorted(cloudTrailRecords.map((record) => record.eventName)),
  );
});

it("the bundled rules engine turns the queued records into the rules' alerts in DynamoDB", async () => {
  expect(queued.length).toBeGreaterThan(0);
  const queueName = resources.queueUrl.split("/").pop() ?? "";
  const response = await rulesEngine(sqsEvent(queued, queueName), {
    functionName: globalNames(prefix).rulesEngine,
  });
  expect(response).toEqual({ batchItemFailures: [] });

  const { Items = [] } = await emulators.dynamodb.send(
    new ScanCommand({ TableName: resources.alertsTable }),
  );
  const alerts = Items.map((item) => unmarshall(item));
  // exactly the rules each test event names, once per triggering record
  expect(sorted(alerts.map((alert) => String(alert.RuleName)))).toEqual(
    sorted([...kinesisEvents, ...s3Events].flatMap((event) => event.trigger_rules ?? [])),
  );

  const rootUsage = alerts.find((alert) => alert.RuleName === "cloudtrail_root_account_usage");
  expect(rootUsage).toMatchObject({
    Cluster: CLUSTER,
    LogSource: "cloudwatch:events",
    LogType: "json",
    SourceService: "kinesis",
    SourceEntity: STREAM,
    Staged: false,
  });
  expect(JSON.parse(String(rootUsage?.Record))).toMatchObject({
    detail: { eventName: "ListUsers", userIdentity: { type: "Root" } },
  });
  const rootKey = alerts.find((alert) => alert.RuleName === "aws_root_access_key_created");
  expect(rootKey).toMatchObject({
    Cluster: CLUSTER,
    LogSource: "cloudtrail:events",
    LogType: "json",
    SourceService: "s3",
    SourceEntity: BUCKET,
  });
  expect(JSON.parse(String(rootKey?.Record))).toMatchObject({ eventName: "CreateAccessKey" });
});

it("the bundled alert processor loads its AWS outputs from their own file and sends an alert", async () => {
  type ProcessorBundle = (event: { RuleName: string; AlertID: string }) => Promise<{
    table?: string;
  }>;
  const processor = await loadBundle<ProcessorBundle>("alert_processor");
  // aws-sqs:soar-intake in conf/outputs.json; aws-firehose:alerts (which every alert has) goes to
  // the stand-in
  const queueName = String((config.outputs["aws-sqs"] as Record<string, string>)["soar-intake"]);
  const { QueueUrl } = await emulators.sqs.send(new CreateQueueCommand({ QueueName: queueName }));
  const alert = alertOf({
    alertId: "bundled-processor",
    outputs: ["aws-firehose:alerts", "aws-sqs:soar-intake"],
  });
  await DynamoDBDocumentClient.from(emulators.dynamodb).send(
    new PutCommand({ TableName: globalNames(prefix).alertsTable, Item: { ...toItem(alert) } }),
  );
  const sentBefore = firehose.batches.length;

  const result = await processor({ RuleName: alert.ruleName, AlertID: alert.alertId });

  expect(result.table).toBe("deleted");
  const [message] = await drainQueue(String(QueueUrl));
  expect(JSON.parse(String(message?.Body))).toEqual(alert.record);
  const archived = firehose.batches.slice(sentBefore);
  expect(archived.map((batch) => batch.deliveryStreamName)).toEqual([
    `${prefix}_streamalert_alert_delivery`,
  ]);
  expect(JSON.parse(archived[0].records[0])).toMatchObject({ id: alert.alertId });
  expect(firehose.rejected).toEqual([]);
});
