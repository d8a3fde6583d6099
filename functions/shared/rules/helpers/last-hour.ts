// Recency check for epoch timestamps (StreamAlert's last_hour).

/**
 * True when the epoch-seconds time `epochSeconds` (number or numeric string) is at most `hours`
 * hours ago. Future times count as recent; a missing, zero or non-numeric time gives false
 * (some sources, e.g. shell histories, carry no time).
 */
export function lastHour(epochSeconds: unknown, hours = 1, nowMs = Date.now()): boolean {
  if (!epochSeconds) return false;
  const value = typeof epochSeconds === "string" ? Number(epochSeconds.trim()) : epochSeconds;
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  return Math.floor(nowMs / 1000) - Math.trunc(value) <= hours * 3600;
}
