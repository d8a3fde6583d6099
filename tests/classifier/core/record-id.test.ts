// streamalert_record_id values: version 4 UUIDs, all different, also across pool refills.
import { randomRecordId } from "../../../functions/classifier/normalization/record-id";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("randomRecordId", () => {
  it("gives distinct version 4 UUIDs over several refills of its random bytes", () => {
    const ids = Array.from({ length: 10_000 }, () => randomRecordId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses every hex digit in the random positions", () => {
    // a broken table or offset shows up as digits that never appear in a position
    const ids = Array.from({ length: 2000 }, () => randomRecordId());
    for (let position = 0; position < 36; position++) {
      if ([8, 13, 14, 18, 23].includes(position)) continue; // dashes, version
      const digits = new Set(ids.map((id) => id[position]));
      expect([position, digits.size]).toEqual([position, position === 19 ? 4 : 16]);
    }
    // and each byte is its own: no two random positions carry the same digit in every id
    const random = [...Array(36).keys()].filter((p) => ![8, 13, 14, 18, 23].includes(p));
    for (const a of random)
      for (const b of random)
        if (a < b) expect([a, b, ids.some((id) => id[a] !== id[b])]).toEqual([a, b, true]);
  });
});
