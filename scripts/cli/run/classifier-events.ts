// Turns one local log file into the Lambda events the classifier receives from its data source,
// so `streamalert run` exercises the classifier's real input decoding:
// - s3: the file is uploaded as is (gzip included) to the bucket on the S3 emulator and one
//   ObjectCreated notification names it; the classifier streams it back through the SDK.
// - kinesis: one Kinesis record (base64) per line, or per document of a JSON file.
// - sns: one SNS message per line or document.
// - streamalert_app: the app payload `{streamalert_app, logs}`, at most 128,000 bytes each, as the
//   app functions send it.
import { createReadStream } from "node:fs";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { ServiceName } from "../../../functions/shared/config/types";
import { readFileRecords } from "./file-records";
import type { InputFile } from "./input-files";

export interface EventBuildContext {
  s3: S3Client;
  region: string;
  accountId: string;
  /** bytes of the file read so far, for the progress bar */
  onBytes(bytes: number): void;
}

/** Kinesis event source mappings deliver up to this many records per invocation (batch_size). */
const KINESIS_BATCH_RECORDS = 500;
const SNS_BATCH_RECORDS = 100;
/** The app functions' payload limit (SPEC §6). */
const APP_PAYLOAD_BYTES = 128_000;

let sequence = 49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_800n;
let messageNumber = 0;

export async function* classifierEvents(
  file: InputFile,
  context: EventBuildContext,
): AsyncGenerator<unknown> {
  const { service, resource } = file.source;
  if (service === "s3") {
    yield await s3Event(file, context);
    return;
  }
  const texts = recordTexts(file, service, context);
  if (service === "streamalert_app") {
    yield* appPayloads(resource, texts);
    return;
  }
  const limit = service === "kinesis" ? KINESIS_BATCH_RECORDS : SNS_BATCH_RECORDS;
  const wrap = service === "kinesis" ? kinesisRecord : snsRecord;
  let batch: unknown[] = [];
  for await (const text of texts) {
    batch.push(wrap(resource, text as string, context));
    if (batch.length >= limit) {
      yield { Records: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { Records: batch };
}

async function s3Event(file: InputFile, context: EventBuildContext): Promise<unknown> {
  const { resource: bucket, key } = file.source;
  await context.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: createReadStream(file.path),
      ContentLength: file.bytes,
    }),
  );
  context.onBytes(file.bytes);
  return {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: context.region,
        eventName: "ObjectCreated:Put",
        s3: {
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: notificationKey(key), size: file.bytes },
        },
      },
    ],
  };
}

/** How S3 writes a key into a notification: URL-encoded, spaces as `+`. */
function notificationKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, "+").replace(/%2F/g, "/");
}

/**
 * Each record of the file: text for Kinesis and SNS; for apps, logs as objects when they are
 * JSON objects (an app sends parsed logs), text otherwise.
 */
async function* recordTexts(
  file: InputFile,
  service: Exclude<ServiceName, "s3">,
  context: EventBuildContext,
): AsyncGenerator<unknown> {
  const records = await readFileRecords(file.path, file.bytes, context.onBytes);
  if (records.kind === "lines") {
    for await (const line of records.lines) {
      yield service === "streamalert_app" ? appLog(line) : line;
    }
    return;
  }
  let values: unknown[] = [records.value];
  if (Array.isArray(records.value)) values = records.value;
  else if (service === "streamalert_app" && isAppPayload(records.value))
    values = records.value.logs;
  for (const value of values) {
    if (service === "streamalert_app") yield value;
    else yield typeof value === "string" ? value : JSON.stringify(value);
  }
}

function isAppPayload(value: unknown): value is { streamalert_app: string; logs: unknown[] } {
  const payload = value as { streamalert_app?: unknown; logs?: unknown } | null;
  return typeof payload?.streamalert_app === "string" && Array.isArray(payload.logs);
}

function appLog(line: string): unknown {
  try {
    const parsed = JSON.parse(line) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : line;
  } catch {
    return line;
  }
}

async function* appPayloads(app: string, logs: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  const envelope = Buffer.byteLength(JSON.stringify({ streamalert_app: app, logs: [] }));
  let batch: unknown[] = [];
  let bytes = envelope;
  for await (const log of logs) {
    const size = Buffer.byteLength(JSON.stringify(log)) + 1;
    if (batch.length > 0 && bytes + size > APP_PAYLOAD_BYTES) {
      yield { streamalert_app: app, logs: batch };
      batch = [];
      bytes = envelope;
    }
    batch.push(log);
    bytes += size;
  }
  if (batch.length > 0) yield { streamalert_app: app, logs: batch };
}

function kinesisRecord(stream: string, text: string, context: EventBuildContext): unknown {
  sequence += 1n;
  const sequenceNumber = sequence.toString();
  return {
    eventSource: "aws:kinesis",
    eventVersion: "1.0",
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: "aws:kinesis:record",
    awsRegion: context.region,
    eventSourceARN: `arn:aws:kinesis:${context.region}:${context.accountId}:stream/${stream}`,
    kinesis: {
      kinesisSchemaVersion: "1.0",
      partitionKey: "streamalert-run",
      sequenceNumber,
      data: Buffer.from(text, "utf8").toString("base64"),
    },
  };
}

function snsRecord(topic: string, text: string, context: EventBuildContext): unknown {
  messageNumber += 1;
  const topicArn = `arn:aws:sns:${context.region}:${context.accountId}:${topic}`;
  return {
    EventVersion: "1.0",
    EventSource: "aws:sns",
    EventSubscriptionArn: `${topicArn}:streamalert-run`,
    Sns: {
      Type: "Notification",
      MessageId: `streamalert-run-${messageNumber}`,
      TopicArn: topicArn,
      Message: text,
    },
  };
}
