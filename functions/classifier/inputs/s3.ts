import type { InputItem } from "./input-item";
import type { InputLimits } from "./limits";
import type { S3ObjectReader } from "./s3-object-reader";
import { readObjectRecords } from "./s3-object-records";

/** The part of an S3 notification record the classifier reads. */
export interface S3NotificationRecord {
  eventSource?: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number } };
}

/** S3 notification keys are URL-encoded with `+` for spaces. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, " "));
}

/**
 * The records of the object an S3 notification names (resource = bucket). Empty objects are
 * skipped. Ends with an `s3_object` item carrying the time spent waiting on the download.
 */
export async function* s3NotificationRecords(
  notification: S3NotificationRecord,
  reader: S3ObjectReader,
  limits: InputLimits,
): AsyncGenerator<InputItem> {
  const bucket = notification.s3.bucket.name;
  const key = decodeS3Key(notification.s3.object.key);
  if (notification.s3.object.size === 0) return;
  const source = { id: `s3://${bucket}/${key}`, kind: "s3" as const };
  const timer = new WaitTimer();
  let records = 0;
  try {
    const body = await timer.time(() => reader.open(bucket, key));
    for await (const piece of timer.timeIterable(readObjectRecords(body, limits))) {
      if (piece.ok) {
        records++;
        const raw = { service: "s3" as const, resource: bucket, data: piece.text };
        yield { kind: "record", source, raw, bytes: piece.bytes };
      } else {
        const { reason, message, sample } = piece;
        yield { kind: "failure", source, service: "s3", resource: bucket, reason, message, sample };
      }
    }
  } catch (error) {
    // Network or permission trouble, not bad data: the source as a whole failed.
    yield { kind: "source_error", source, message: `${source.id}: ${(error as Error).message}` };
    return;
  }
  yield { kind: "s3_object", source, bucket, key, records, downloadMs: timer.elapsedMs };
}

/**
 * Download time of a streamed object: only the time spent waiting for the next piece (network
 * and gunzip), not the time the consumer spends classifying and sending in between.
 */
class WaitTimer {
  elapsedMs = 0;

  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.elapsedMs += performance.now() - started;
    }
  }

  async *timeIterable<T>(iterable: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = iterable[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.time(() => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
}
