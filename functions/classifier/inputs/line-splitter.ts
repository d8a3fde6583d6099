/** A piece of text split out of a byte stream, or a line that was over the cap. */
export type LinePiece =
  | { ok: true; text: string; bytes: number }
  | { ok: false; bytes: number; sample: string };

const NEWLINE = 0x0a;
const SAMPLE_BYTES = 1024;

/**
 * Splits a byte stream into lines without ever holding more than one line (at most `maxLineBytes`)
 * in memory. A longer line is not kept: only its first KiB survives, as the sample for the log.
 * Blank lines are skipped; a trailing "\r" is removed; invalid UTF-8 becomes U+FFFD.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private lineBytes = 0;
  private overflowSample: Buffer | undefined;

  constructor(private readonly maxLineBytes: number) {}

  *push(chunk: Buffer): Generator<LinePiece> {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      this.append(chunk.subarray(start, end));
      if (newline === -1) return;
      const piece = this.takeLine();
      if (piece) yield piece;
      start = newline + 1;
    }
  }

  *end(): Generator<LinePiece> {
    const piece = this.takeLine();
    if (piece) yield piece;
  }

  private append(segment: Buffer): void {
    if (segment.length === 0) return;
    this.lineBytes += segment.length;
    if (this.overflowSample) return;
    if (this.lineBytes <= this.maxLineBytes) {
      this.parts.push(segment);
      return;
    }
    // Over the cap: keep only a sample and let the rest of the line go by.
    this.overflowSample = headOf([...this.parts, segment], SAMPLE_BYTES);
    this.parts = [];
  }

  private takeLine(): LinePiece | undefined {
    const bytes = this.lineBytes;
    const sample = this.overflowSample;
    const parts = this.parts;
    this.parts = [];
    this.lineBytes = 0;
    this.overflowSample = undefined;
    if (sample) return { ok: false, bytes, sample: sample.toString("utf8") };
    const line = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    const text = stripCarriageReturn(line.toString("utf8"));
    if (text.trim() === "") return undefined;
    return { ok: true, text, bytes };
  }
}

function stripCarriageReturn(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

function headOf(parts: Buffer[], maxBytes: number): Buffer {
  const head: Buffer[] = [];
  let bytes = 0;
  for (const part of parts) {
    if (bytes >= maxBytes) break;
    head.push(part);
    bytes += part.length;
  }
  return Buffer.concat(head).subarray(0, maxBytes);
}
