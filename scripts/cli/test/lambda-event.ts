// Wraps one test event's data in the Lambda event its service really delivers (SPEC §4.6), so
// the rule tests exercise the classifier's input decoding too: base64 and compression on
// Kinesis, the SNS envelope, S3 notifications whose object is read back, app payloads.
import { deflateSync, gzipSync } from "node:zlib";
import type { S3ObjectReader } from "../../../functions/classifier/inputs";
import type { ServiceName } from "../../../functions/shared/config/types";

export interface TestLambdaEvent {
  event: unknown;
  /** serves the object an S3 notification names; reading anything else fails */
  s3: S3ObjectReader;
}

export interface WrapOptions {
  service: ServiceName;
  /** stream, bucket, topic or app function name */
  source: string;
  data: Record<string, unknown> | unknown[] | string;
  /** compress the payload as the sender would (Kinesis: zlib, S3: gzip) */
  compress?: boolean;
  region?: string;
  accountId?: string;
}

const TEST_OBJECT_KEY = "streamalert-test/event.json";

export function wrapInLambdaEvent(options: WrapOptions): TestLambdaEvent {
  const region = options.region || "us-east-1";
  const account = options.accountId || "123456789012";
  const text = typeof options.data === "string" ? options.data : JSON.stringify(options.data);
  const noObjects = memoryS3Reader(new Map());
  switch (options.service) {
    case "kinesis": {
      const payload = options.compress ? deflateSync(text) : Buffer.from(text);
      return {
        s3: noObjects,
        event: {
          Records: [
            {
              eventSource: "aws:kinesis",
              eventSourceARN: `arn:aws:kinesis:${region}:${account}:stream/${options.source}`,
              awsRegion: region,
              kinesis: {
                data: payload.toString("base64"),
                sequenceNumber: "49590338271490256608559692538361571095921575989136588898",
                partitionKey: "streamalert-test",
              },
            },
          ],
        },
      };
    }
    case "sns":
      return {
        s3: noObjects,
        event: {
          Records: [
            {
              EventSource: "aws:sns",
              Sns: {
                TopicArn: `arn:aws:sns:${region}:${account}:${options.source}`,
                MessageId: "streamalert-test-message",
                Message: text,
              },
            },
          ],
        },
      };
    case "s3": {
      const body = options.compress ? gzipSync(text) : Buffer.from(text);
      return {
        s3: memoryS3Reader(new Map([[`${options.source}/${TEST_OBJECT_KEY}`, body]])),
        event: {
          Records: [
            {
              eventSource: "aws:s3",
              awsRegion: region,
              s3: {
                bucket: { name: options.source },
                object: { key: TEST_OBJECT_KEY, size: body.length },
              },
            },
          ],
        },
      };
    }
    case "streamalert_app":
      return { s3: noObjects, event: { streamalert_app: options.source, logs: [options.data] } };
  }
}

/** Objects keyed `bucket/key`, streamed in one piece. */
export function memoryS3Reader(objects: ReadonlyMap<string, Uint8Array>): S3ObjectReader {
  return {
    async open(bucket, key) {
      const body = objects.get(`${bucket}/${key}`);
      if (!body) throw new Error(`NoSuchKey: s3://${bucket}/${key}`);
      return (async function* () {
        yield body;
      })();
    },
  };
}
