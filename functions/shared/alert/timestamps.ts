import { AlertFormatError } from "./errors";

// StreamAlert writes alert times as `%Y-%m-%dT%H:%M:%S.%fZ` (microseconds). We keep that text
// form so alert items and Athena data written by either implementation sort and parse alike.

/** `2026-01-02T03:04:05.678000Z` */
export function formatAlertTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/** Accepts the microsecond form above and any ISO-8601 text `Date` understands. */
export function parseAlertTime(text: string): Date {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(text);
  const iso = match ? `${match[1]}.${(match[2] ?? "").padEnd(3, "0").slice(0, 3)}Z` : text;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new AlertFormatError(`invalid alert time "${text}"`);
  return date;
}
