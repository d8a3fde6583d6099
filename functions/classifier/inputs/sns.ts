import type { SNSEventRecord } from "aws-lambda";
import type { InputItem } from "./input-item";
import type { InputLimits } from "./limits";
import { type S3NotificationRecord, s3NotificationRecords } from "./s3";
import type { S3ObjectReader } from "./s3-object-reader";

/** `arn:aws:sns:<region>:<account>:<topic>` → `<topic>` */
export function topicNameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf(":") + 1);
}

/**
 * One SNS record: its `Message` is one raw record (resource = topic name), unless the message is
 * an S3 event notification (bucket → SNS → Lambda), which is unwrapped into reads of the objects
 * it names. S3's "s3:TestEvent" message, sent when a notification is configured, yields nothing.
 */
export async function* snsRecords(
  record: SNSEventRecord,
  reader: S3ObjectReader,
  limits: InputLimits,
): AsyncGenerator<InputItem> {
  const message = record.Sns.Message ?? "";
  const wrapped = wrappedS3Notification(message);
  if (wrapped === "test_event") return;
  if (wrapped) {
    for (const notification of wrapped) yield* s3NotificationRecords(notification, reader, limits);
    return;
  }
  const resource = topicNameFromArn(record.Sns.TopicArn ?? "");
  yield {
    kind: "record",
    source: { id: record.Sns.MessageId, kind: "sns" },
    raw: { service: "sns", resource, data: message },
    bytes: Buffer.byteLength(message),
  };
}

function wrappedS3Notification(message: string): S3NotificationRecord[] | "test_event" | undefined {
  // Cheap test first: most messages are log records, not notifications.
  if (!message.trimStart().startsWith("{") || !message.includes('"s3')) return undefined;
  let parsed: { Records?: unknown; Event?: unknown; Service?: unknown };
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (parsed?.Event === "s3:TestEvent" && parsed?.Service === "Amazon S3") return "test_event";
  const records = parsed?.Records;
  if (!Array.isArray(records) || records.length === 0) return undefined;
  return records.every(isS3NotificationRecord) ? records : undefined;
}

export function isS3NotificationRecord(value: unknown): value is S3NotificationRecord {
  const candidate = value as Partial<S3NotificationRecord> & { eventSource?: unknown };
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.eventSource === "aws:s3" &&
    typeof candidate.s3?.bucket?.name === "string" &&
    typeof candidate.s3?.object?.key === "string"
  );
}
