// The one HTTP client every HTTP output uses (SPEC §5): a ~3 s timeout per try, up to 5 tries
// with exponential backoff and full jitter on timeouts, connection errors, 429 and 5xx; any other
// 4xx is final. Messages name the service and host only: webhook URLs and headers carry secrets.
import { OutputError, OutputHttpError } from "./errors";

export interface HttpRequest {
  /** the service, as in outputs.json ("slack"), for messages */
  service: string;
  url: string;
  /** @default "POST" */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  /** sent as JSON with content-type application/json */
  json?: unknown;
  /** sent as is (set the content type in headers) */
  body?: string;
  /** values never to appear in an error (keys sent in the body); URL and headers are implied */
  secrets?: string[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** the body parsed as JSON; undefined when it is empty or not JSON */
  json(): unknown;
}

export interface HttpClient {
  /** Resolves with a 2xx response; rejects with OutputHttpError or OutputError after the last try. */
  request(request: HttpRequest): Promise<HttpResponse>;
}

export interface HttpClientOptions {
  /** per try @default 3000 */
  timeoutMs?: number;
  /** @default 5 */
  tries?: number;
  /** backoff before try n+1 is random in [0, min(maxDelayMs, baseDelayMs * 2^n)) @default 200 */
  baseDelayMs?: number;
  /** @default 3000 */
  maxDelayMs?: number;
  /** injectable for tests */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid URL";
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What of a request could be secret: the caller's secrets, header values (and their last word,
 * the token in "Token token=..."), query values, and URL path segments that look like keys
 * (a digit, or 20+ characters). A service may echo them in an error body ("Cannot POST
 * /services/T0/B0/secret"), which would put a webhook secret in the processor's log.
 */
function secretsOf(request: HttpRequest): string[] {
  const values = [...(request.secrets ?? [])];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (PLAIN_HEADERS.has(name.toLowerCase())) continue;
    values.push(value, value.split(/[\s=]/).pop() ?? "");
  }
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    values.push(request.url);
  }
  if (url) {
    values.push(url.pathname, url.search.slice(1), ...url.searchParams.values());
    for (const segment of url.pathname.split("/")) {
      if (/\d/.test(segment) || segment.length >= 20) values.push(segment, decoded(segment));
    }
  }
  return [...new Set(values.filter((value) => value.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
}

/** Headers that never carry a secret, kept readable in errors. */
const PLAIN_HEADERS = new Set(["accept", "content-type", "user-agent", "x-github-api-version"]);

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function scrub(text: string, secrets: string[]): string {
  let clean = text;
  for (const secret of secrets) clean = clean.split(secret).join("***");
  return clean;
}

/** Seconds or an HTTP date in Retry-After, as milliseconds; undefined when absent or unreadable. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 3000;
  const tries = Math.max(1, options.tries ?? 5);
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 3000;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  const backoff = (attempt: number) =>
    Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));

  async function once(request: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...request.headers };
    let body = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers["content-type"] ??= "application/json";
    }
    const response = await doFetch(request.url, {
      method: request.method ?? "POST",
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: () => parseJson(text),
    };
  }

  return {
    async request(request) {
      const where = `${request.service} (${hostOf(request.url)})`;
      const secrets = secretsOf(request);
      let lastError: OutputError = new OutputError(`${where}: not sent`);
      for (let attempt = 0; attempt < tries; attempt += 1) {
        let delay = backoff(attempt);
        try {
          const response = await once(request);
          if (response.status >= 200 && response.status < 300) return response;
          lastError = new OutputHttpError(where, response.status, scrub(response.text, secrets));
          if (!lastError.retryable) throw lastError;
          delay = Math.min(maxDelayMs, retryAfterMs(response.headers) ?? delay);
        } catch (error) {
          if (error instanceof OutputError) throw error;
          const name = (error as Error).name;
          const reason =
            name === "TimeoutError" || name === "AbortError"
              ? `no answer within ${timeoutMs} ms`
              : `connection failed (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message})`;
          lastError = new OutputError(`${where}: ${scrub(reason, secrets)}`, { cause: error });
        }
        if (attempt + 1 < tries) await sleep(delay);
      }
      throw new OutputError(`${lastError.message} (gave up after ${tries} tries)`, {
        cause: lastError,
      });
    },
  };
}
