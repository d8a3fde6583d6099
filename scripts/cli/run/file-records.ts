// Reads one local log file the way the classifier reads an S3 object: gzip is recognised by its
// magic bytes (whatever the extension), a file that is one JSON document is one document, and
// anything else is one record per non-empty line. Large files are streamed line by line.
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip, gunzipSync } from "node:zlib";

/** Files up to this size are read whole, to see whether they are one JSON document. */
export const MAX_DOCUMENT_FILE_BYTES = 16 * 1024 * 1024;

export type FileRecords =
  | { kind: "document"; value: unknown }
  | { kind: "lines"; lines: AsyncIterable<string> };

/**
 * The records of a file. `onBytes` is told how many bytes of the file were read, as they are
 * read, for the progress bar.
 */
export async function readFileRecords(
  path: string,
  size: number,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<FileRecords> {
  if (size <= MAX_DOCUMENT_FILE_BYTES) {
    const raw = await readFile(path);
    onBytes(raw.length);
    const text = (isGzip(raw) ? gunzipSync(raw) : raw).toString("utf8");
    const document = parseDocument(text);
    if (document !== undefined) return { kind: "document", value: document };
    return { kind: "lines", lines: splitLines(text) };
  }
  return { kind: "lines", lines: streamLines(path, await startsWithGzip(path), onBytes) };
}

/** The JSON value the whole text is, or undefined (JSON lines, plain text, garbage). */
function parseDocument(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

async function* splitLines(text: string): AsyncGenerator<string> {
  for (const line of text.split("\n")) {
    const record = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (record.trim() !== "") yield record;
  }
}

async function* streamLines(
  path: string,
  gzipped: boolean,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  const file = createReadStream(path);
  file.on("data", (chunk) => onBytes(chunk.length));
  const input: Readable = gzipped ? file.pipe(createGunzip()) : file;
  file.on("error", (error) => input.destroy(error));
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (line.trim() !== "") yield line;
    }
  } finally {
    file.destroy();
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function startsWithGzip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return isGzip(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
