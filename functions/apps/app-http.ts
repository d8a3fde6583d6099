// The HTTP every app type uses: the outputs' client (timeout per try, retries with jittered
// backoff on timeouts, connection errors, 429 and 5xx) with query and form encoding, vendor
// failures as AppApiError, and an optional origin override so tests and the local runner can
// point every vendor URL at one server on 127.0.0.1.
import {
  createHttpClient,
  type HttpClientOptions,
  type HttpResponse,
} from "../alert_processor/outputs/http";
import { AppApiError } from "./errors";

export type QueryValue = string | number | undefined;

export interface AppRequest {
  url: string;
  /** @default "GET" */
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** appended to the URL, in this order; undefined values are left out */
  query?: Record<string, QueryValue>;
  /** sent as application/x-www-form-urlencoded */
  form?: Record<string, string>;
  /** sent as application/json */
  json?: unknown;
}

export interface AppHttp {
  /** The 2xx response, or AppApiError naming the vendor and the status. */
  send(request: AppRequest): Promise<HttpResponse>;
  /** The answer as a JSON object, or AppApiError when it is not one. */
  sendJson(request: AppRequest): Promise<Record<string, unknown>>;
}

export interface AppHttpOptions extends HttpClientOptions {
  /** `http://127.0.0.1:port`: replaces the scheme and host of every vendor URL */
  endpointOverride?: string;
}

/** `a=1&b=x%20y`: RFC 3986 encoding (what request signatures are computed over). */
export function encodeQuery(query: Record<string, QueryValue>): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(String(value))}`)
    .join("&");
}

/** encodeURIComponent plus the five characters it leaves alone but RFC 3986 reserves. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function createAppHttp(service: string, options: AppHttpOptions = {}): AppHttp {
  const client = createHttpClient({ timeoutMs: 10_000, tries: 3, ...options });
  const override = options.endpointOverride?.replace(/\/+$/, "");

  function target(url: string, query?: Record<string, QueryValue>): string {
    const queryText = query ? encodeQuery(query) : "";
    const joined = queryText ? `${url}${url.includes("?") ? "&" : "?"}${queryText}` : url;
    if (!override) return joined;
    const parsed = new URL(joined);
    return `${override}${parsed.pathname}${parsed.search}`;
  }

  async function send(request: AppRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    let body: string | undefined;
    if (request.form) {
      body = new URLSearchParams(request.form).toString();
      headers["content-type"] ??= "application/x-www-form-urlencoded";
    }
    try {
      return await client.request({
        service,
        url: target(request.url, request.query),
        method: request.method ?? "GET",
        headers,
        body,
        json: request.json,
      });
    } catch (error) {
      throw new AppApiError((error as Error).message, { cause: error });
    }
  }

  return {
    send,
    async sendJson(request) {
      const response = await send(request);
      const parsed = response.json();
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new AppApiError(
          `${service}: expected a JSON object from ${new URL(request.url).pathname}, got ${response.text.slice(0, 100) || "an empty body"}`,
        );
      }
      return parsed as Record<string, unknown>;
    },
  };
}
