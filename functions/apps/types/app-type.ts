// What one app type provides to the runner: its auth keys, how its cursor is written, and a poller
// that fetches one page per call. The runner owns timing, sending and saving state.
import type { AppHttp } from "../app-http";
import { AppConfigError } from "../errors";

/** App-specific state kept between runs (page tokens, ids already sent), saved as `context`. */
export type AppContext = Record<string, unknown>;

/** The auth parameter `<function>_auth`: a JSON object of the type's auth keys. */
export type AppAuth = Record<string, unknown>;

export interface PollPage {
  /** logs to send, as the classifier's schema expects them (objects, or CSV lines) */
  logs: unknown[];
  /** more pages remain now */
  more: boolean;
  /** cursor to save once these logs are sent: the next run starts after it */
  lastTimestamp: string | number;
  /** context to save with it (e.g. the page token that resumes an unfinished window) */
  context: AppContext;
}

export interface AppPoller {
  poll(): Promise<PollPage>;
}

export interface PollerInput {
  auth: AppAuth;
  /** the saved cursor, or one schedule interval ago on the first run */
  lastTimestamp: string | number;
  context: AppContext;
  http: AppHttp;
  now: () => Date;
}

export interface AppTypeDefinition {
  type: string;
  description: string;
  authKeys: readonly string[];
  /** the first run's cursor, written the way this API takes it */
  formatStart(date: Date): string | number;
  /** seconds to wait before poll number `pollsDone + 1` (rate limits); @default 0 */
  sleepSeconds?(pollsDone: number): number;
  createPoller(input: PollerInput): AppPoller;
}

/** An auth value that must be a non-empty string. */
export function authString(auth: AppAuth, key: string, type: string): string {
  const value = auth[key];
  if (typeof value !== "string" || value === "") {
    throw new AppConfigError(
      `auth key ${key} of the ${type} app is not a non-empty string; store it with streamalert app update-auth`,
    );
  }
  return value;
}

/** A key file stored as a JSON object (or JSON text) in the auth parameter. */
export function authObject(auth: AppAuth, key: string, type: string): Record<string, unknown> {
  let value = auth[key];
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      // reported below
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppConfigError(
      `auth key ${key} of the ${type} app is not the JSON key file; store it with streamalert app update-auth`,
    );
  }
  return value as Record<string, unknown>;
}

/** `2024-05-01T10:00:00Z` (no fraction), the form several APIs take. */
export const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
