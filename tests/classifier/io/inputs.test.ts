import { deflateSync, gzipSync } from "node:zlib";
import {
  type InputItem,
  readEventRecords,
  type S3ObjectReader,
} from "../../../functions/classifier/inputs";
import {
  DEFAULT_INPUT_LIMITS,
  type InputLimits,
} from "../../../functions/classifier/inputs/limits";
import {
  appPayload,
  kinesisRecord,
  lambdaEvent,
  s3Record,
  snsRecord,
  snsWrappedS3Record,
} from "../../helpers/lambda-events";

/** An in-memory S3 that streams objects in small chunks, as the SDK body does. */
function fakeS3(objects: Record<string, Buffer | string>): S3ObjectReader & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    async open(bucket, key) {
      opened.push(`${bucket}/${key}`);
      const body = objects[`${bucket}/${key}`];
      if (body === undefined) throw new Error("NoSuchKey");
      const bytes = Buffer.from(body);
      return (async function* () {
        for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
      })();
    },
  };
}

async function collect(
  event: unknown,
  s3 = fakeS3({}),
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
) {
  const items: InputItem[] = [];
  for await (const item of readEventRecords(event, { s3, limits })) items.push(item);
  return items;
}

const texts = (items: InputItem[]) =>
  items.flatMap((item) => (item.kind === "record" ? [item.raw.data] : []));

describe("Kinesis records", () => {
  it.each([
    ["plain", (s: string) => Buffer.from(s)],
    ["gzip", (s: string) => gzipSync(s)],
    ["zlib", (s: string) => deflateSync(s)],
  ])("decodes a %s payload, resource = stream name", async (_kind, encode) => {
    const items = await collect(lambdaEvent(kinesisRecord("prod_stream", encode('{"a":1}'))));
    expect(items).toEqual([
      expect.objectContaining({
        kind: "record",
        raw: { service: "kinesis", resource: "prod_stream", data: '{"a":1}' },
      }),
    ]);
  });

  it("keeps text that merely looks like a zlib header", async () => {
    const items = await collect(lambdaEvent(kinesisRecord("s", "x^2 is a formula")));
    expect(texts(items)).toEqual(["x^2 is a formula"]);
  });

  it("decodes invalid UTF-8 with replacement characters", async () => {
    const items = await collect(lambdaEvent(kinesisRecord("s", Buffer.from([0x61, 0xff, 0x62]))));
    expect(texts(items)).toEqual(["a\uFFFDb"]);
  });

  it("fails an inflate bomb past the cap and still yields the next record", async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const limits = { ...DEFAULT_INPUT_LIMITS, maxKinesisInflatedBytes: 1024 * 1024 };
    const items = await collect(
      lambdaEvent(kinesisRecord("s", bomb), kinesisRecord("s", "ok")),
      fakeS3({}),
      limits,
    );
    expect(items[0]).toMatchObject({ kind: "failure", reason: "inflated_too_large" });
    expect(texts(items)).toEqual(["ok"]);
  });
});

describe("S3 objects", () => {
  const lines = '{"a":1}\n{"a":2}\n\n{"a":3}\n';
  const pretty = JSON.stringify({ Records: [{ a: 1 }, { a: 2 }] }, null, 2);

  it.each([
    ["JSON lines", "logs/x.json", lines, ['{"a":1}', '{"a":2}', '{"a":3}']],
    ["gzipped JSON lines", "logs/x.json.gz", gzipSync(lines), ['{"a":1}', '{"a":2}', '{"a":3}']],
    ["one pretty-printed JSON document", "ct.json", pretty, [pretty]],
    ["a gzipped JSON document", "ct.json.gz", gzipSync(pretty), [pretty]],
    [
      "plain text lines (CRLF)",
      "flow.log",
      "2 1 eni a\r\n2 1 eni b\r\n",
      ["2 1 eni a", "2 1 eni b"],
    ],
    [
      "text lines starting with [",
      "app.log",
      "[INFO] one\n[WARN] two\n",
      ["[INFO] one", "[WARN] two"],
    ],
  ])("reads %s", async (_kind, key, body, expected) => {
    const items = await collect(
      lambdaEvent(s3Record("bucket", key)),
      fakeS3({ [`bucket/${key}`]: body }),
    );
    expect(texts(items)).toEqual(expected);
    expect(
      items
        .filter((i) => i.kind === "record")
        .every((i) => i.kind === "record" && i.raw.resource === "bucket"),
    ).toBe(true);
    expect(items.at(-1)).toMatchObject({ kind: "s3_object", records: expected.length });
  });

  it("URL-decodes the key (+ is a space)", async () => {
    const s3 = fakeS3({ "b/dir/my file+x.log": "line" });
    expect(texts(await collect(lambdaEvent(s3Record("b", "dir/my file+x.log")), s3))).toEqual([
      "line",
    ]);
  });

  it("skips empty objects without reading them", async () => {
    const s3 = fakeS3({});
    expect(await collect(lambdaEvent(s3Record("b", "empty", 0)), s3)).toEqual([]);
    expect(s3.opened).toEqual([]);
  });

  it("fails an over-long line but keeps the lines around it", async () => {
    const limits = { ...DEFAULT_INPUT_LIMITS, maxS3LineBytes: 1000 };
    const body = `first\n${"x".repeat(50_000)}\nlast\n`;
    const items = await collect(lambdaEvent(s3Record("b", "k")), fakeS3({ "b/k": body }), limits);
    expect(texts(items)).toEqual(["first", "last"]);
    expect(items.find((i) => i.kind === "failure")).toMatchObject({ reason: "line_too_long" });
  });

  it("reports a truncated gzip object after the records read before the damage", async () => {
    const gz = gzipSync(Array.from({ length: 2000 }, (_, i) => `line ${i}`).join("\n"));
    const items = await collect(
      lambdaEvent(s3Record("b", "k.gz")),
      fakeS3({ "b/k.gz": gz.subarray(0, gz.length - 40) }),
    );
    expect(texts(items).length).toBeGreaterThan(100);
    expect(items.find((i) => i.kind === "failure")).toMatchObject({ reason: "decompress_error" });
  });

  it("turns a GetObject error into a source error", async () => {
    const items = await collect(lambdaEvent(s3Record("b", "missing")));
    expect(items).toEqual([
      expect.objectContaining({
        kind: "source_error",
        source: { id: "s3://b/missing", kind: "s3" },
      }),
    ]);
  });
});

describe("SNS, app payloads and mixed events", () => {
  it("yields the SNS message with the topic name as resource", async () => {
    const items = await collect(lambdaEvent(snsRecord("alerts_topic", '{"x":1}')));
    expect(items[0]).toMatchObject({
      raw: { service: "sns", resource: "alerts_topic", data: '{"x":1}' },
    });
  });

  it("unwraps an S3 notification delivered through SNS", async () => {
    const s3 = fakeS3({ "b/k.log": "one\ntwo" });
    const items = await collect(lambdaEvent(snsWrappedS3Record("topic", "b", "k.log")), s3);
    expect(
      items.filter((i) => i.kind === "record").map((i) => i.kind === "record" && i.raw),
    ).toEqual([
      { service: "s3", resource: "b", data: "one" },
      { service: "s3", resource: "b", data: "two" },
    ]);
  });

  it("yields one record per app log", async () => {
    const items = await collect(appPayload("prefix_duo_app", [{ a: 1 }, "text"]));
    expect(items.map((i) => i.kind === "record" && i.raw)).toEqual([
      { service: "streamalert_app", resource: "prefix_duo_app", data: { a: 1 } },
      { service: "streamalert_app", resource: "prefix_duo_app", data: "text" },
    ]);
  });

  it("reads a mixed event in order and reports unknown record kinds", async () => {
    const event = lambdaEvent<unknown>(
      kinesisRecord("k", "from kinesis"),
      { eventSource: "aws:dynamodb" },
      s3Record("b", "k"),
      snsRecord("t", "from sns"),
    );
    const items = await collect(event, fakeS3({ "b/k": "from s3" }));
    expect(texts(items)).toEqual(["from kinesis", "from s3", "from sns"]);
    expect(items[1]).toMatchObject({ kind: "failure", reason: "unsupported_record" });
  });
});
