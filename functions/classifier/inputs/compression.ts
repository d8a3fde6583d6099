import { gunzipSync, inflateSync } from "node:zlib";

/** gzip members start with 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A zlib stream header: deflate method (low nibble 8), window ≤ 32K and a valid check value. */
export function isZlib(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const cmf = bytes[0];
  const flg = bytes[1];
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

export type InflateResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: "inflated_too_large"; message: string };

/**
 * Decompress a gzip or zlib payload, whichever its magic bytes say; anything else is returned as
 * it is. Text that happens to look like a zlib header ("x^...") and does not inflate is kept as
 * text. Inflating past `maxBytes` is refused (an inflate bomb must not take the function down).
 */
export function inflateIfCompressed(payload: Buffer, maxBytes: number): InflateResult {
  const gzip = isGzip(payload);
  if (!gzip && !isZlib(payload)) return { ok: true, bytes: payload };
  try {
    const options = { maxOutputLength: maxBytes };
    return { ok: true, bytes: gzip ? gunzipSync(payload, options) : inflateSync(payload, options) };
  } catch (error) {
    if (isOutputTooLarge(error)) {
      return {
        ok: false,
        reason: "inflated_too_large",
        message: `${gzip ? "gzip" : "zlib"} payload inflates past the cap of ${maxBytes} bytes`,
      };
    }
    return { ok: true, bytes: payload };
  }
}

function isOutputTooLarge(error: unknown): boolean {
  return (
    error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
  );
}
