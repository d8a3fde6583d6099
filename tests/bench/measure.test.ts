// The sliced timing of the classifier benchmark: every measure covers every item once per round,
// and in each step the measures run different slices (none finds its slice in the caches).
import { bestOfSlices } from "../../bench/measure";

describe("bestOfSlices", () => {
  it("runs every slice once per round and measure, each measure on its own slice per step", async () => {
    const calls: Array<{ measure: number; from: number; to: number }> = [];
    const fns = [0, 1, 2].map((measure) => (from: number, to: number) => {
      calls.push({ measure, from, to });
    });
    const timings = await bestOfSlices(fns, 23_000, 5000, 2);
    // 5 slices (the last one short), 3 measures, a warm-up round and 2 timed rounds
    expect(calls).toHaveLength(5 * 3 * 3);
    for (let round = 0; round < 3; round++) {
      const inRound = calls.slice(round * 15, (round + 1) * 15);
      for (let measure = 0; measure < 3; measure++) {
        const covered = inRound
          .filter((call) => call.measure === measure)
          .map((call) => [call.from, call.to])
          .sort((a, b) => a[0] - b[0]);
        expect(covered).toEqual([
          [0, 5000],
          [5000, 10000],
          [10000, 15000],
          [15000, 20000],
          [20000, 23000],
        ]);
      }
      for (let step = 0; step < 5; step++) {
        const starts = inRound.slice(step * 3, step * 3 + 3).map((call) => call.from);
        expect(new Set(starts).size).toBe(3);
      }
    }
    expect(timings).toHaveLength(3);
    for (const timing of timings) expect(timing.seconds).toBeGreaterThanOrEqual(0);
  });
});
