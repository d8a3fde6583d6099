// Random (version 4) UUIDs for streamalert_record_id, one per normalized record. crypto's
// randomUUID refills its entropy every 128 ids; the classifier asks for one per record, so this
// draws 64 KiB of random bytes at a time (4096 ids) from the same CSPRNG and formats them itself.
import { randomFillSync } from "node:crypto";

const IDS_PER_FILL = 4096;
const pool = Buffer.alloc(IDS_PER_FILL * 16);
let next = IDS_PER_FILL;

const HEX: string[] = [];
for (let byte = 0; byte < 256; byte++) HEX.push(byte.toString(16).padStart(2, "0"));

export function randomRecordId(): string {
  if (next === IDS_PER_FILL) {
    randomFillSync(pool);
    next = 0;
  }
  const b = pool;
  const o = next++ * 16;
  // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8
  return `${HEX[b[o]]}${HEX[b[o + 1]]}${HEX[b[o + 2]]}${HEX[b[o + 3]]}-${HEX[b[o + 4]]}${HEX[b[o + 5]]}-${HEX[(b[o + 6] & 0x0f) | 0x40]}${HEX[b[o + 7]]}-${HEX[(b[o + 8] & 0x3f) | 0x80]}${HEX[b[o + 9]]}-${HEX[b[o + 10]]}${HEX[b[o + 11]]}${HEX[b[o + 12]]}${HEX[b[o + 13]]}${HEX[b[o + 14]]}${HEX[b[o + 15]]}`;
}
