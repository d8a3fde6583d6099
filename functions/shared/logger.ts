import { Logger } from "@aws-lambda-powertools/logger";

/** The one structured JSON logger; functions add their name with `logger.appendKeys`. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "streamalert",
  logLevel: (process.env.LOG_LEVEL ?? process.env.POWERTOOLS_LOG_LEVEL ?? "INFO") as "INFO",
});

/** Truncate raw input before it goes into a log line. */
export function truncateForLog(value: unknown, max = 1024): string {
  const text = typeof value === "string" ? value : safeStringify(value);
  return text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
