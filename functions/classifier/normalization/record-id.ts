// Random (version 4) UUIDs for streamalert_record_id, one per normalized record. crypto's
// randomUUID refills its entropy every 128 ids; the classifier asks for one per record, so this
// draws 64 KiB of random bytes at a time (4096 ids) from the same CSPRNG and writes all their
// text into one string, of which each id is a slice: an id is then one piece of the record's
// JSON, where one built from 20 short strings was 20 (each piece costs again when the JSON is
// joined into one, see docs/PERFORMANCE.md).
import { randomFillSync } from "node:crypto";

const IDS_PER_FILL = 4096;
const ID_LENGTH = 36;
const pool = Buffer.alloc(IDS_PER_FILL * 16);
const text = Buffer.alloc(IDS_PER_FILL * ID_LENGTH);
let ids = "";
let next = IDS_PER_FILL;

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");
const DASH = 0x2d;

function refill(): void {
  randomFillSync(pool);
  for (let id = 0; id < IDS_PER_FILL; id++) {
    let at = id * ID_LENGTH;
    for (let index = 0; index < 16; index++) {
      let byte = pool[id * 16 + index];
      // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8
      if (index === 6) byte = (byte & 0x0f) | 0x40;
      else if (index === 8) byte = (byte & 0x3f) | 0x80;
      if (index === 4 || index === 6 || index === 8 || index === 10) text[at++] = DASH;
      text[at++] = HEX_DIGITS[byte >> 4];
      text[at++] = HEX_DIGITS[byte & 0x0f];
    }
  }
  ids = text.toString("latin1");
  next = 0;
}

export function randomRecordId(): string {
  if (next === IDS_PER_FILL) refill();
  const start = next++ * ID_LENGTH;
  return ids.slice(start, start + ID_LENGTH);
}
