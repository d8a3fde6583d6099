// Timing helpers for the benchmarks: measures interleaved in slices, best of several rounds after
// a warm-up, on one core.

export interface Timing {
  seconds: number;
}

/**
 * A full collection before each round when node runs with --expose-gc (bench/launch.ts passes
 * it), so no round pays for the garbage the previous one left.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Several measures over the same items, interleaved finely. The items are cut in slices of
 * `slice`; each round has one step per slice, and in each step every measure runs one slice in
 * turn. A measure's time is the sum over slices of its fastest time for that slice over `runs`
 * rounds (after a warm-up round). A step takes tenths of a second, so the host's swings in speed,
 * which last seconds, fall on every measure alike, where with whole passes a longer pass catches
 * a slow spell more often than a shorter one. The measures run different slices in a step (each
 * starts a round at its own offset), so none finds its slice still in the processor's caches from
 * the measure before it. One full collection precedes each round (not each step: each measure
 * pays for the collections its own allocation triggers as it runs).
 */
export async function bestOfSlices(
  fns: Array<(from: number, to: number) => void | Promise<unknown>>,
  count: number,
  slice: number,
  runs = 3,
): Promise<Timing[]> {
  const slices = Math.max(1, Math.ceil(count / slice));
  const best = fns.map(() => new Array<number>(slices).fill(Number.POSITIVE_INFINITY));
  for (let round = 0; round <= runs; round++) {
    collectGarbage();
    for (let step = 0; step < slices; step++) {
      for (let measure = 0; measure < fns.length; measure++) {
        const index = (step + Math.floor((measure * slices) / fns.length)) % slices;
        const from = index * slice;
        const to = Math.min(count, from + slice);
        const start = process.hrtime.bigint();
        const pending = fns[measure](from, to);
        if (pending) await pending; // awaited only when asynchronous
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        if (round > 0 && seconds < best[measure][index]) best[measure][index] = seconds;
      }
    }
  }
  return best.map((times) => ({ seconds: times.reduce((sum, time) => sum + time, 0) }));
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
