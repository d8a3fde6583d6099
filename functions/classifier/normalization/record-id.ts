// Random (version 4) UUIDs for streamalert_record_id, one per normalized record. crypto's
// randomUUID refills its entropy every 128 ids; the classifier asks for one per record, so this
// draws 32 KiB of random bytes at a time (2048 ids) from the same CSPRNG and writes all their
// text into one string, of which each id is a slice: an id is then one piece of the record's
// JSON, where one built from 20 short strings was 20 (each piece costs again when the JSON is
// joined into one, see docs/PERFORMANCE.md). The text of 2048 ids (72 KiB) stays below V8's
// large-object size (128 KiB): that of 4096 ids was allocated in its own pages every time, and
// made each id cost 58 ns instead of 6 to decode.
import { randomFillSync } from "node:crypto";

const IDS_PER_FILL = 2048;
const ID_LENGTH = 36;
const pool = Buffer.alloc(IDS_PER_FILL * 16);
let ids = "";
let next = IDS_PER_FILL;

const HIGH_DIGIT = new Uint8Array(256);
const LOW_DIGIT = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++) {
  HIGH_DIGIT[byte] = "0123456789abcdef".charCodeAt(byte >> 4);
  LOW_DIGIT[byte] = "0123456789abcdef".charCodeAt(byte & 0x0f);
}
/** The ids' text, dashes written once: `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` over and over. */
const text = Buffer.from("00000000-0000-0000-0000-000000000000".repeat(IDS_PER_FILL), "latin1");

/** The two hex digits of `byte` at text[at]. */
function put(at: number, byte: number): void {
  text[at] = HIGH_DIGIT[byte];
  text[at + 1] = LOW_DIGIT[byte];
}

function refill(): void {
  randomFillSync(pool);
  for (let id = 0; id < IDS_PER_FILL; id++) {
    const from = id * 16;
    const at = id * ID_LENGTH;
    // written out byte by byte: a loop over a table of positions took four times as long
    put(at, pool[from]);
    put(at + 2, pool[from + 1]);
    put(at + 4, pool[from + 2]);
    put(at + 6, pool[from + 3]);
    put(at + 9, pool[from + 4]);
    put(at + 11, pool[from + 5]);
    // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8
    put(at + 14, (pool[from + 6] & 0x0f) | 0x40);
    put(at + 16, pool[from + 7]);
    put(at + 19, (pool[from + 8] & 0x3f) | 0x80);
    put(at + 21, pool[from + 9]);
    put(at + 24, pool[from + 10]);
    put(at + 26, pool[from + 11]);
    put(at + 28, pool[from + 12]);
    put(at + 30, pool[from + 13]);
    put(at + 32, pool[from + 14]);
    put(at + 34, pool[from + 15]);
  }
  ids = text.toString("latin1");
  next = 0;
}

export function randomRecordId(): string {
  if (next === IDS_PER_FILL) refill();
  const start = next++ * ID_LENGTH;
  return ids.slice(start, start + ID_LENGTH);
}
