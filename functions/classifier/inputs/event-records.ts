import type { KinesisStreamRecord, SNSEventRecord } from "aws-lambda";
import { appPayloadRecords, isAppPayload } from "./app-payload";
import type { InputItem } from "./input-item";
import { decodeKinesisRecord } from "./kinesis";
import type { InputLimits } from "./limits";
import { s3NotificationRecords } from "./s3";
import type { S3ObjectReader } from "./s3-object-reader";
import { isS3NotificationRecord, snsRecords } from "./sns";

export interface EventReadOptions {
  s3: S3ObjectReader;
  limits: InputLimits;
}

/**
 * Turns one classifier Lambda event into a stream of raw records, in event order. The event may
 * mix Kinesis, S3 and SNS records, or be an app payload. Records are produced lazily, so an S3
 * object is read only as fast as its records are consumed.
 */
export async function* readEventRecords(
  event: unknown,
  options: EventReadOptions,
): AsyncGenerator<InputItem> {
  if (isAppPayload(event)) {
    yield* appPayloadRecords(event);
    return;
  }
  const records = (event as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) {
    yield unsupported(event, "event has neither Records nor an app payload", "event");
    return;
  }
  for (const [index, record] of records.entries()) {
    yield* recordItems(record, index, options);
  }
}

async function* recordItems(
  record: unknown,
  index: number,
  options: EventReadOptions,
): AsyncGenerator<InputItem> {
  const source = (record as { eventSource?: unknown; EventSource?: unknown } | null) ?? {};
  const kind = source.eventSource ?? source.EventSource;
  if (kind === "aws:kinesis") {
    yield decodeKinesisRecord(
      record as KinesisStreamRecord,
      options.limits.maxKinesisInflatedBytes,
    );
  } else if (kind === "aws:s3" && isS3NotificationRecord(record)) {
    yield* s3NotificationRecords(record, options.s3, options.limits);
  } else if (kind === "aws:sns") {
    yield* snsRecords(record as SNSEventRecord, options.s3, options.limits);
  } else {
    yield unsupported(
      record,
      `record ${index} has unsupported event source ${String(kind)}`,
      index,
    );
  }
}

function unsupported(record: unknown, message: string, position: string | number): InputItem {
  return {
    kind: "failure",
    source: { id: `unsupported:${position}`, kind: "app" },
    service: "unknown",
    resource: "",
    reason: "unsupported_record",
    message,
    sample: JSON.stringify(record ?? null).slice(0, 1024),
  };
}
