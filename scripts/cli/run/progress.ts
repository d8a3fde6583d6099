// A one-line progress bar on stderr while a large input is read: bytes of the input files read
// so far, records and alerts. Only on a terminal (never in pipes, CI logs or tests).

export interface Progress {
  /** `bytes` more of the input read; totals of records and alerts so far */
  update(bytes: number, counts?: { records: number; alerts: number }): void;
  /** removes the bar */
  done(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

/** Inputs smaller than this finish too fast for a bar to be worth drawing. */
export const PROGRESS_MIN_BYTES = 1024 * 1024;

export interface ProgressOptions {
  totalBytes: number;
  stream: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean; columns?: number };
  /** milliseconds between redraws */
  intervalMs?: number;
  now?: () => number;
}

export function createProgress(options: ProgressOptions): Progress {
  const { totalBytes, stream } = options;
  if (!stream.isTTY || totalBytes < PROGRESS_MIN_BYTES) return NO_PROGRESS;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let read = 0;
  let counts = { records: 0, alerts: 0 };
  let lastDraw = 0;
  let drawn = false;

  const draw = () => {
    const fraction = Math.min(1, read / totalBytes);
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
    const filled = Math.round(fraction * width);
    const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    const text = `[${bar}] ${percent} ${megabytes(read)}/${megabytes(totalBytes)} MB, ${counts.records} records, ${counts.alerts} alerts`;
    stream.write(`\r${text}\u001b[K`);
    drawn = true;
  };

  return {
    update(bytes, latest) {
      read += bytes;
      if (latest) counts = latest;
      const time = now();
      if (time - lastDraw < interval) return;
      lastDraw = time;
      draw();
    },
    done() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
