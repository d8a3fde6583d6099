// A small HTTP server on 127.0.0.1 (random port) standing in for a vendor API: it records every
// request and answers from a handler, so a test can check what an output sent and how it reacts.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createHttpClient,
  type HttpClient,
} from "../../../../functions/alert_processor/outputs/http";

export interface ReceivedRequest {
  method: string;
  /** the path without the query */
  path: string;
  query: URLSearchParams;
  /** lower-case names, as node:http gives them */
  headers: IncomingHttpHeaders;
  body: string;
  /** the body parsed as JSON (throws when it is not JSON) */
  json(): unknown;
}

export interface Reply {
  /** @default 200 */
  status?: number;
  /** sent as application/json */
  json?: unknown;
  /** sent as is */
  text?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: ReceivedRequest) => Reply | Promise<Reply>;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** every request received, in order */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const target = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const body = Buffer.concat(chunks).toString("utf8");
      const request: ReceivedRequest = {
        method: incoming.method ?? "",
        path: target.pathname,
        query: target.searchParams,
        headers: incoming.headers,
        body,
        json: () => JSON.parse(body),
      };
      requests.push(request);
      let reply: Reply;
      try {
        reply = await handler(request);
      } catch (error) {
        // an assertion in a handler: answer 418 so the test sees it failed, with the reason
        reply = { status: 418, text: `handler failed: ${(error as Error).message}` };
      }
      const headers: Record<string, string> = { ...reply.headers };
      let text = reply.text ?? "";
      if (reply.json !== undefined) {
        text = JSON.stringify(reply.json);
        headers["content-type"] ??= "application/json";
      }
      outgoing.writeHead(reply.status ?? 200, headers);
      outgoing.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Answers in turn from `replies`, then repeats the last one. */
export function inTurn(...replies: Reply[]): Handler {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

/** The shared client with tiny backoff, so retry tests run in milliseconds; the timeout leaves room for a loaded machine (no test here waits for it). */
export function quickHttpClient(): HttpClient {
  return createHttpClient({ timeoutMs: 3000, baseDelayMs: 1, maxDelayMs: 5 });
}

/** A URL on which nothing listens: a port that was just free. */
export async function unusedUrl(): Promise<string> {
  const server = await startLocalServer(() => ({}));
  await server.close();
  return server.url;
}
