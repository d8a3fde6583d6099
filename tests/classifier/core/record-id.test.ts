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
    for (const position of [0, 7, 9, 15, 20, 35]) {
      const digits = new Set(ids.map((id) => id[position]));
      expect(digits.size).toBe(16);
    }
  });
});
