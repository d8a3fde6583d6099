// duo_auth and duo_admin: Duo Admin API v1 logs (/admin/v1/logs/authentication|administrator),
// oldest first, up to 1000 per request, from `mintime` (epoch seconds). Every request is signed:
// HMAC-SHA1 over date, method, host, path and the sorted RFC 3986 parameters, sent as
// `Authorization: Basic base64(ikey:hexsig)` with the same `Date`.
import { createHmac } from "node:crypto";
import { encodeQuery } from "../app-http";
import { type AppTypeDefinition, authString, epochSeconds, type PollerInput } from "./app-type";

const MAX_LOGS_PER_REQUEST = 1000;
const DUO_AUTH_KEYS = ["api_hostname", "integration_key", "secret_key"] as const;

export interface DuoSignatureInput {
  date: string;
  method: string;
  host: string;
  path: string;
  params: Record<string, string>;
  integrationKey: string;
  secretKey: string;
}

/** RFC 2822 date as Duo expects it: `Tue, 21 Aug 2012 17:29:18 -0000`. */
export function duoDate(date: Date): string {
  return date.toUTCString().replace("GMT", "-0000");
}

/** The canonical request text and the `Authorization` header value for it. */
export function signDuoRequest(input: DuoSignatureInput): string {
  const sorted = Object.fromEntries(
    Object.entries(input.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const canonical = [
    input.date,
    input.method.toUpperCase(),
    input.host.toLowerCase(),
    input.path,
    encodeQuery(sorted),
  ].join("\n");
  const signature = createHmac("sha1", input.secretKey).update(canonical).digest("hex");
  return `Basic ${Buffer.from(`${input.integrationKey}:${signature}`).toString("base64")}`;
}

interface DuoLog {
  timestamp?: unknown;
}

/**
 * A full page may end in the middle of a second; `mintime` is whole seconds, so the logs of that
 * last second are left for the next request (which starts at it) rather than skipped.
 */
function completeSeconds(logs: DuoLog[]): { logs: DuoLog[]; through: number } {
  const last = Number(logs[logs.length - 1].timestamp);
  const kept = logs.filter((log) => Number(log.timestamp) < last);
  // a page entirely within one second cannot be split; take it whole and move past it
  return kept.length > 0 ? { logs: kept, through: last - 1 } : { logs, through: last };
}

function duoPoller(type: string, path: string) {
  return ({ auth, lastTimestamp, http, now }: PollerInput) => {
    const host = authString(auth, "api_hostname", type);
    const integrationKey = authString(auth, "integration_key", type);
    const secretKey = authString(auth, "secret_key", type);
    let cursor = Number(lastTimestamp);
    return {
      async poll() {
        const params = { mintime: String(Math.floor(cursor) + 1) };
        const date = duoDate(now());
        const authorization = signDuoRequest({
          date,
          method: "GET",
          host,
          path,
          params,
          integrationKey,
          secretKey,
        });
        const answer = await http.sendJson({
          url: `https://${host}${path}`,
          query: params,
          headers: { Date: date, Authorization: authorization },
        });
        const logs = Array.isArray(answer.response) ? (answer.response as DuoLog[]) : [];
        if (logs.length === 0) return { logs, more: false, lastTimestamp: cursor, context: {} };
        const full = logs.length >= MAX_LOGS_PER_REQUEST;
        const page = full
          ? completeSeconds(logs)
          : { logs, through: Number(logs.at(-1)?.timestamp) };
        if (Number.isFinite(page.through)) cursor = page.through;
        return { logs: page.logs, more: full, lastTimestamp: cursor, context: {} };
      },
    };
  };
}

/** Duo allows about two log requests a minute: every second request waits a minute. */
const duoSleep = (pollsDone: number) => (pollsDone % 2 === 0 ? 60 : 0);

export const DUO_AUTH: AppTypeDefinition = {
  type: "duo_auth",
  description: "Duo authentication logs (Admin API /admin/v1/logs/authentication)",
  authKeys: DUO_AUTH_KEYS,
  formatStart: epochSeconds,
  sleepSeconds: duoSleep,
  createPoller: duoPoller("duo_auth", "/admin/v1/logs/authentication"),
};

export const DUO_ADMIN: AppTypeDefinition = {
  type: "duo_admin",
  description: "Duo administrator logs (Admin API /admin/v1/logs/administrator)",
  authKeys: DUO_AUTH_KEYS,
  formatStart: epochSeconds,
  sleepSeconds: duoSleep,
  createPoller: duoPoller("duo_admin", "/admin/v1/logs/administrator"),
};
