// The ThreatStream intelligence API as StreamAlert used it: GET /api/v2/intelligence/ with
// `username`, `api_key`, `limit=1000` and a `q` filter (active IOCs of the configured types, not
// of the excluded sub types); each answer has `objects` and `meta {next, offset}`, `next` being
// the path of the following page. Paths handed around (logs, the next invocation) never carry
// the credentials: they are added to each request and stripped from `next`.

import type { ThreatStreamCredentials } from "./credentials";
import { ThreatStreamCredentialsError, ThreatStreamRequestError } from "./errors";
import type { ThreatStreamObject } from "./ioc-items";

export const THREATSTREAM_API_URL = "https://api.threatstream.com";
export const INTELLIGENCE_PATH = "/api/v2/intelligence/";
/** IOCs per page (the API's maximum) */
export const PAGE_LIMIT = 1000;
/** the API serves offsets below 500,000: stop before the last page past it */
export const MAX_OFFSET = 500_000 - PAGE_LIMIT;

const CREDENTIAL_PARAMS = ["username", "api_key"];

export interface IntelligenceQuery {
  iocTypes: string[];
  excludedSubTypes: string[];
}

/** The `q` filter: `(status="active") AND (type="ip" OR ...) AND NOT (itype="tor_ip" OR ...)`. */
export function intelligenceFilter(query: IntelligenceQuery): string {
  const clauses = ['(status="active")'];
  if (query.iocTypes.length > 0) {
    clauses.push(`(${query.iocTypes.map((type) => `type="${type}"`).join(" OR ")})`);
  }
  if (query.excludedSubTypes.length > 0) {
    clauses.push(`NOT (${query.excludedSubTypes.map((itype) => `itype="${itype}"`).join(" OR ")})`);
  }
  return clauses.join(" AND ");
}

export function firstPagePath(query: IntelligenceQuery): string {
  const params = new URLSearchParams({ limit: String(PAGE_LIMIT), q: intelligenceFilter(query) });
  return `${INTELLIGENCE_PATH}?${params}`;
}

/** Path and query of `pathOrUrl` without the credential parameters. */
export function withoutCredentials(pathOrUrl: string, baseUrl = THREATSTREAM_API_URL): string {
  const url = new URL(pathOrUrl, baseUrl);
  for (const name of CREDENTIAL_PARAMS) url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}

export interface ThreatStreamPage {
  objects: ThreatStreamObject[];
  offset: number;
  /** credential-free path of the next page; none when this is the last one to read */
  next?: string;
}

export interface ThreatStreamApiOptions {
  credentials: ThreatStreamCredentials;
  /** @default https://api.threatstream.com */
  baseUrl?: string;
  /** @default 10 000 ms per request */
  timeoutMs?: number;
  /** @default 3 */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ThreatStreamApi {
  fetchPage(path: string): Promise<ThreatStreamPage>;
}

const RETRY_PAUSE_MS = 1000;

export function createThreatStreamApi(options: ThreatStreamApiOptions): ThreatStreamApi {
  const baseUrl = options.baseUrl ?? THREATSTREAM_API_URL;
  const origin = new URL(baseUrl).origin;
  const attempts = options.attempts ?? 3;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  function requestUrl(path: string): URL {
    const url = new URL(path, baseUrl);
    // `next` comes from the API's answer: never send the key anywhere but the API itself.
    if (url.origin !== origin) {
      throw new ThreatStreamRequestError(`refusing to follow ${url.origin}: not ${origin}`);
    }
    url.searchParams.set("username", options.credentials.apiUser);
    url.searchParams.set("api_key", options.credentials.apiKey);
    return url;
  }

  async function attempt(path: string): Promise<ThreatStreamPage> {
    let response: Response;
    try {
      response = await fetch(requestUrl(path), {
        headers: { Accept: "application/json" },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      if (error instanceof ThreatStreamRequestError) throw error;
      throw new RetryableError(
        `no answer from ThreatStream for ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (response.status === 401) {
      throw new ThreatStreamCredentialsError(
        "ThreatStream refused the API credentials (401); update them with: streamalert threat-intel-downloader configure --credentials",
      );
    }
    if (response.status === 429 || response.status >= 500) {
      throw new RetryableError(`ThreatStream answered ${response.status} for ${path}`);
    }
    if (response.status !== 200) {
      throw new ThreatStreamRequestError(`ThreatStream answered ${response.status} for ${path}`);
    }
    let body: { objects?: unknown; meta?: { next?: unknown; offset?: unknown } };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new RetryableError(`ThreatStream sent a body that is not JSON for ${path}`);
    }
    const offset = Number(body.meta?.offset ?? 0);
    const next = body.meta?.next;
    return {
      objects: Array.isArray(body.objects) ? (body.objects as ThreatStreamObject[]) : [],
      offset,
      next:
        typeof next === "string" && next !== "" && offset < MAX_OFFSET
          ? withoutCredentials(next, baseUrl)
          : undefined,
    };
  }

  return {
    async fetchPage(path) {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(path);
        } catch (error) {
          if (!(error instanceof RetryableError)) throw error;
          if (tries >= attempts) {
            throw new ThreatStreamRequestError(`${error.message} (after ${attempts} attempts)`);
          }
          await sleep(RETRY_PAUSE_MS);
        }
      }
    },
  };
}

class RetryableError extends Error {}
