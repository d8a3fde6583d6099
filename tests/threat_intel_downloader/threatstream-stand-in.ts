// A local ThreatStream stand-in on 127.0.0.1 (random port): serves pages of intelligence objects,
// checks the credentials on every request and records what was asked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInRequest {
  path: string;
  params: URLSearchParams;
}

export interface ThreatStreamStandIn {
  baseUrl: string;
  requests: StandInRequest[];
  /** answer the next requests with these statuses first (e.g. [500]) */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

export const API_USER = "analyst@acme.example";
export const API_KEY = "a".repeat(40);

/** `pages[i]` is served at offset i * 1000; every page but the last links to the next. */
export async function startThreatStream(pages: object[][]): Promise<ThreatStreamStandIn> {
  const requests: StandInRequest[] = [];
  const failures: number[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    requests.push({ path: url.pathname, params: url.searchParams });
    const failure = failures.shift();
    if (failure) {
      response.writeHead(failure).end("failure");
      return;
    }
    if (
      url.searchParams.get("username") !== API_USER ||
      url.searchParams.get("api_key") !== API_KEY
    ) {
      response.writeHead(401).end(JSON.stringify({ message: "Unauthorized" }));
      return;
    }
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const index = offset / 1000;
    const next = new URLSearchParams(url.searchParams);
    next.set("offset", String(offset + 1000));
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        meta: {
          offset,
          limit: 1000,
          total_count: pages.flat().length,
          // ThreatStream's next link repeats the credentials it was given.
          next: index + 1 < pages.length ? `${url.pathname}?${next}` : null,
        },
        objects: pages[index] ?? [],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failNext: (...statuses) => failures.push(...statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function ioc(value: string, type: string, source: string, extra: object = {}) {
  return {
    value,
    type,
    itype: `${type}_malware`,
    source,
    expiration_ts: "2030-01-02T03:04:05.678Z",
    confidence: 90,
    ...extra,
  };
}
