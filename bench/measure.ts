// Timing helpers for the benchmarks: best of several runs after a warm-up, on one core.

export interface Timing {
  seconds: number;
}

/** Run `fn` `warmups` times untimed, then `runs` times; report the fastest run. */
export function bestOf(fn: () => void, runs = 3, warmups = 1): Timing {
  for (let i = 0; i < warmups; i++) fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (seconds < best) best = seconds;
  }
  return { seconds: best };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
