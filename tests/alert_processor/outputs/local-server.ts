// A vendor API stand-in on 127.0.0.1 (port 0): records each request and answers from a handler,
// optionally late (to test timeouts). Each test closes the servers it starts.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient, type HttpClient } from "../../../functions/alert_processor/outputs/http";

export interface SeenRequest {
  method: string;
  /** path without the query */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** the body as JSON (throws when it is not) */
  json<T = Record<string, unknown>>(): T;
}

export interface Answer {
  /** @default 200 */
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** answer only after this long (longer than the client's timeout = a timeout) */
  delayMs?: number;
}

export type Responder = (request: SeenRequest) => Answer | Promise<Answer>;

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** every request, in arrival order */
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(responder: Responder): Promise<LocalServer> {
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const target = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const body = Buffer.concat(chunks).toString("utf8");
      const request: SeenRequest = {
        method: incoming.method ?? "",
        path: target.pathname,
        query: target.searchParams,
        headers: incoming.headers,
        body,
        json: <T>() => JSON.parse(body) as T,
      };
      requests.push(request);
      let answer: Answer;
      try {
        answer = await responder(request);
      } catch (error) {
        // a failed expectation in a responder: 418 makes the output fail with the reason
        answer = { status: 418, text: `stand-in refused: ${(error as Error).message}` };
      }
      const send = () => {
        const headers: Record<string, string> = { ...answer.headers };
        let text = answer.text ?? "";
        if (answer.json !== undefined) {
          text = JSON.stringify(answer.json);
          headers["content-type"] ??= "application/json";
        }
        if (outgoing.destroyed) return;
        outgoing.writeHead(answer.status ?? 200, headers);
        outgoing.end(text);
      };
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, answer.delayMs);
        timers.add(timer);
      } else {
        send();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Answers from `answers` in turn, then the last one again and again. */
export function inTurn(...answers: Answer[]): Responder {
  let next = 0;
  return () => answers[Math.min(next++, answers.length - 1)];
}

/** `failures` answers from `failing` first, then the responder. */
export function failingFirst(failures: Answer[], then: Responder): Responder {
  let next = 0;
  return (request) => (next < failures.length ? failures[next++] : then(request));
}

/** The shared client with 1 ms backoff, so retries take milliseconds (timeouts: pass a short one). */
export function quickHttpClient(timeoutMs = 2000): HttpClient {
  return createHttpClient({ timeoutMs, baseDelayMs: 1, maxDelayMs: 4 });
}

/** An http URL on which nothing listens (a port that was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = await startLocalServer(() => ({}));
  await server.close();
  return server.url;
}
