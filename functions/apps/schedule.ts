// How far back an app looks on its very first run: one schedule interval, as StreamAlert did.
import { AppConfigError } from "./errors";

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_SECONDS: Record<string, number> = { minute: 60, hour: 3600, day: 86400 };
/** cron schedules have no single interval; the first run then looks back one hour */
export const CRON_FIRST_LOOKBACK_SECONDS = 3600;

/** Seconds between runs of `rate(...)`; cron(...) gives the one-hour first lookback. */
export function scheduleIntervalSeconds(expression: string): number {
  const rate = RATE.exec(expression.trim());
  if (rate) {
    const count = Number(rate[1]);
    if (count > 0) return count * UNIT_SECONDS[rate[2].replace(/s$/, "")];
  }
  if (/^cron\(.+\)$/.test(expression.trim())) return CRON_FIRST_LOOKBACK_SECONDS;
  throw new AppConfigError(
    `schedule expression ${JSON.stringify(expression)} is neither rate(<n> minutes|hours|days) nor cron(...); fix schedule_expression of the app in conf/clusters`,
  );
}
