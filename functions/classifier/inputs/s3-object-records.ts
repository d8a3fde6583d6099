import { PassThrough, pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { isGzip } from "./compression";
import type { InputLimits } from "./limits";
import { type LinePiece, LineSplitter } from "./line-splitter";

/** One record text out of an S3 object, or a piece that could not be read. */
export type ObjectPiece =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: "line_too_long" | "decompress_error"; message: string; sample: string };

/**
 * Reads the records of one S3 object from its byte stream, holding at most one line (or one JSON
 * document up to `maxS3DocumentBytes`) in memory, so a 1 GiB object does not need 1 GiB.
 *
 * gzip is detected by its magic bytes (a ".gz" key that is not gzip is read as it is).
 * One JSON document or lines? Decided without buffering the object: if the first non-blank
 * character is `{` or `[` and the first non-blank line is NOT a complete JSON value, the object
 * is held (up to the cap) and, if it parses as JSON, yields one record (a pretty-printed
 * CloudTrail file). Otherwise — first line complete JSON (JSON lines), plain text, an object over
 * the cap, or held text that does not parse — it yields one record per line.
 */
export async function* readObjectRecords(
  body: AsyncIterable<Uint8Array>,
  limits: InputLimits,
): AsyncGenerator<ObjectPiece> {
  const splitter = new LineSplitter(limits.maxS3LineBytes);
  const detector = new DocumentDetector(limits.maxS3LineBytes);
  let mode: "detect" | "document" | "lines" = "detect";
  let held: Buffer[] = [];
  let heldBytes = 0;
  try {
    for await (const chunk of decompressed(body)) {
      if (mode === "lines") {
        yield* linePieces(splitter.push(chunk), limits);
        continue;
      }
      held.push(chunk);
      heldBytes += chunk.length;
      if (mode === "detect") mode = detector.feed(chunk);
      if (mode === "document" && heldBytes > limits.maxS3DocumentBytes) mode = "lines";
      if (mode === "lines") {
        for (const part of held) yield* linePieces(splitter.push(part), limits);
        held = [];
        heldBytes = 0;
      }
    }
  } catch (error) {
    if (!isZlibError(error)) throw error;
    yield* linePieces(splitter.end(), limits);
    const message = `gzip stream is corrupt or truncated: ${(error as Error).message}`;
    yield { ok: false, reason: "decompress_error", message, sample: "" };
    return;
  }
  if (mode !== "lines" && held.length > 0) {
    const whole = Buffer.concat(held);
    held = [];
    if (mode === "document" && parsesAsJson(whole)) {
      yield { ok: true, text: whole.toString("utf8"), bytes: whole.length };
      return;
    }
    yield* linePieces(splitter.push(whole), limits);
  }
  yield* linePieces(splitter.end(), limits);
}

function* linePieces(pieces: Iterable<LinePiece>, limits: InputLimits): Generator<ObjectPiece> {
  for (const piece of pieces) {
    if (piece.ok) {
      yield piece;
    } else {
      const message = `line of ${piece.bytes} bytes is over the cap of ${limits.maxS3LineBytes} bytes`;
      yield { ok: false, reason: "line_too_long", message, sample: piece.sample };
    }
  }
}

/** Watches the start of an object until it can tell "one JSON document" from "lines". */
class DocumentDetector {
  private firstChar: number | undefined;
  private firstLine: Buffer[] = [];
  private firstLineBytes = 0;

  constructor(private readonly maxLineBytes: number) {}

  feed(chunk: Buffer): "detect" | "document" | "lines" {
    let start = 0;
    if (this.firstChar === undefined) {
      start = firstNonBlank(chunk);
      if (start === -1) return "detect";
      this.firstChar = chunk[start];
      if (this.firstChar !== 0x7b && this.firstChar !== 0x5b) return "lines";
    }
    const newline = chunk.indexOf(0x0a, start);
    const segment = chunk.subarray(start, newline === -1 ? chunk.length : newline);
    this.firstLine.push(segment);
    this.firstLineBytes += segment.length;
    if (newline === -1) return this.firstLineBytes > this.maxLineBytes ? "document" : "detect";
    return parsesAsJson(Buffer.concat(this.firstLine)) ? "lines" : "document";
  }
}

const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]); // whitespace and a UTF-8 BOM

function firstNonBlank(chunk: Buffer): number {
  for (let i = 0; i < chunk.length; i++) if (!BLANK.has(chunk[i])) return i;
  return -1;
}

function parsesAsJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

/** The object's bytes, gunzipped when its first bytes are the gzip magic. */
async function* decompressed(body: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const iterator = body[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < 2 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      head.push(asBuffer(next.value));
      headBytes += next.value.length;
    }
  }
  const first = Buffer.concat(head);
  async function* rest(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield asBuffer(next.value);
    }
  }
  if (!isGzip(first)) {
    yield* rest();
    return;
  }
  const output = new PassThrough();
  pipeline(Readable.from(rest()), createGunzip(), output, () => undefined);
  for await (const chunk of output) yield chunk as Buffer;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
