import { gzipSync } from "node:zlib";
import type { _Record as KinesisApiRecord } from "@aws-sdk/client-kinesis";
import type { KinesisStreamRecord, S3EventRecord, SNSEventRecord } from "aws-lambda";

/**
 * Lambda event factories with the real shapes AWS delivers, for the classifier and anything else
 * fed by Kinesis, S3 or SNS. Build them from literal data, or from what the emulators returned
 * (GetRecords results, PutObject keys).
 */
const REGION = "us-east-1";
const ACCOUNT = "123456789012";

export function kinesisStreamArn(streamName: string): string {
  return `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${streamName}`;
}

let sequence = 49590338271490256608559692538361571095921575989136588800n;

/** One Kinesis event record; `data` is text, a JSON value, or bytes (e.g. gzipped). */
export function kinesisRecord(
  streamName: string,
  data: string | Buffer | Record<string, unknown>,
  options: { sequenceNumber?: string; partitionKey?: string } = {},
): KinesisStreamRecord {
  const bytes = Buffer.isBuffer(data)
    ? data
    : Buffer.from(typeof data === "string" ? data : JSON.stringify(data));
  sequence += 1n;
  const sequenceNumber = options.sequenceNumber ?? sequence.toString();
  return {
    kinesis: {
      kinesisSchemaVersion: "1.0",
      partitionKey: options.partitionKey ?? "pk",
      sequenceNumber,
      data: bytes.toString("base64"),
      approximateArrivalTimestamp: Date.now() / 1000,
    },
    eventSource: "aws:kinesis",
    eventVersion: "1.0",
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: "aws:kinesis:record",
    invokeIdentityArn: `arn:aws:iam::${ACCOUNT}:role/lambda-role`,
    awsRegion: REGION,
    eventSourceARN: kinesisStreamArn(streamName),
  };
}

/** Kinesis event records from the records GetRecords returned, as the event source mapping builds them. */
export function kinesisRecordsFromGetRecords(
  streamName: string,
  records: KinesisApiRecord[],
): KinesisStreamRecord[] {
  return records.map((record) =>
    kinesisRecord(streamName, Buffer.from(record.Data ?? new Uint8Array()), {
      sequenceNumber: record.SequenceNumber,
      partitionKey: record.PartitionKey,
    }),
  );
}

/** CloudWatch Logs subscription payload as Kinesis carries it: gzipped JSON. */
export function cloudwatchLogsPayload(logGroup: string, messages: string[]): Buffer {
  return gzipSync(
    JSON.stringify({
      messageType: "DATA_MESSAGE",
      owner: ACCOUNT,
      logGroup,
      logStream: "stream",
      subscriptionFilters: ["filter"],
      logEvents: messages.map((message, index) => ({
        id: String(index),
        timestamp: Date.now(),
        message,
      })),
    }),
  );
}

/**
 * One S3 ObjectCreated record. `key` is the object's real key; it is URL-encoded the way S3
 * encodes keys in notifications (spaces as `+`).
 */
export function s3Record(bucket: string, key: string, size = 1024): S3EventRecord {
  return {
    eventVersion: "2.1",
    eventSource: "aws:s3",
    awsRegion: REGION,
    eventTime: new Date().toISOString(),
    eventName: "ObjectCreated:Put",
    userIdentity: { principalId: "AWS:EXAMPLE" },
    requestParameters: { sourceIPAddress: "127.0.0.1" },
    responseElements: { "x-amz-request-id": "req", "x-amz-id-2": "id2" },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: "streamalert",
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: "EXAMPLE" },
        arn: `arn:aws:s3:::${bucket}`,
      },
      object: { key: s3NotificationKey(key), size, eTag: "etag", sequencer: "0A1B2C3D4E5F678901" },
    },
  };
}

/** How S3 writes a key into a notification: URL-encoded, spaces as `+`. */
export function s3NotificationKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, "+").replace(/%2F/g, "/");
}

let messageCounter = 0;

/** One SNS record delivering `message` from the topic. */
export function snsRecord(topicName: string, message: string): SNSEventRecord {
  messageCounter += 1;
  const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:${topicName}`;
  return {
    EventVersion: "1.0",
    EventSubscriptionArn: `${topicArn}:subscription`,
    EventSource: "aws:sns",
    Sns: {
      SignatureVersion: "1",
      Timestamp: new Date().toISOString(),
      Signature: "signature",
      SigningCertUrl: "https://sns.example/cert.pem",
      MessageId: `00000000-0000-4000-8000-${String(messageCounter).padStart(12, "0")}`,
      Message: message,
      MessageAttributes: {},
      Type: "Notification",
      UnsubscribeUrl: "https://sns.example/unsubscribe",
      TopicArn: topicArn,
      Subject: "",
    },
  };
}

/** An SNS record whose message is an S3 notification (bucket → SNS topic → Lambda). */
export function snsWrappedS3Record(topicName: string, bucket: string, key: string, size = 1024) {
  return snsRecord(topicName, JSON.stringify({ Records: [s3Record(bucket, key, size)] }));
}

/** A Lambda event of records (Kinesis, S3 and SNS records may be mixed). */
export function lambdaEvent<T>(...records: T[]): { Records: T[] } {
  return { Records: records };
}

/** What an app function sends to the classifier. */
export function appPayload(functionName: string, logs: unknown[]) {
  return { streamalert_app: functionName, logs };
}
