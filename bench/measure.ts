// Timing helper for the benchmarks: best of several interleaved runs after a warm-up, on one core.

export interface Timing {
  seconds: number;
}

/**
 * A full collection before each timed run when node runs with --expose-gc (bench/launch.ts
 * passes it), so no run pays for the garbage the previous one left.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Several measures in one run: a warm-up round, then `runs` rounds each running every function
 * once in turn, so a change in the machine's speed (other processes, a noisy host) falls on
 * all of them alike; the fastest time of each is reported, in the order given.
 */
export function bestOfInterleaved(fns: Array<() => void>, runs = 3): Timing[] {
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round <= runs; round++) {
    fns.forEach((fn, index) => {
      collectGarbage();
      const start = process.hrtime.bigint();
      fn();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (round > 0 && seconds < best[index]) best[index] = seconds;
    });
  }
  return best.map((seconds) => ({ seconds }));
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
