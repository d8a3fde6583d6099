import type { KinesisStreamRecord } from "aws-lambda";
import { inflateIfCompressed } from "./compression";
import type { InputItem } from "./input-item";

/** `arn:aws:kinesis:<region>:<account>:stream/<name>` → `<name>` */
export function streamNameFromArn(arn: string): string {
  const marker = arn.indexOf(":stream/");
  return marker === -1 ? arn : arn.slice(marker + ":stream/".length);
}

/**
 * One Kinesis record → one raw record: base64 payload, inflated when gzip or zlib compressed
 * (CloudWatch Logs subscriptions deliver gzip), decoded as UTF-8 with replacement characters.
 */
export function decodeKinesisRecord(
  record: KinesisStreamRecord,
  maxInflatedBytes: number,
): InputItem {
  const source = { id: record.kinesis.sequenceNumber, kind: "kinesis" as const };
  const resource = streamNameFromArn(record.eventSourceARN ?? "");
  const payload = Buffer.from(record.kinesis.data ?? "", "base64");
  const inflated = inflateIfCompressed(payload, maxInflatedBytes);
  if (!inflated.ok) {
    return {
      kind: "failure",
      source,
      service: "kinesis",
      resource,
      reason: inflated.reason,
      message: inflated.message,
      sample: record.kinesis.data.slice(0, 256),
    };
  }
  return {
    kind: "record",
    source,
    raw: { service: "kinesis", resource, data: inflated.bytes.toString("utf8") },
    bytes: inflated.bytes.length,
  };
}
