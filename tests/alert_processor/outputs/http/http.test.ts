import { OutputError, OutputHttpError } from "../../../../functions/alert_processor/outputs/errors";
import { createHttpClient } from "../../../../functions/alert_processor/outputs/http";
import { allSaidBy, rejectionOf } from "../dispatch-requests";
import {
  closedPortUrl,
  inTurn,
  type LocalServer,
  quickHttpClient,
  startLocalServer,
} from "../local-server";

describe("the outputs' HTTP client", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("sends JSON with its content type and returns the 2xx answer", async () => {
    server = await startLocalServer(() => ({ status: 201, json: { id: "1" } }));
    const response = await quickHttpClient().request({
      service: "demo",
      url: `${server.url}/things`,
      headers: { authorization: "Token token=abc123def" },
      json: { name: "thing" },
    });
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ id: "1" });
    const [seen] = server.requests;
    expect(seen.method).toBe("POST");
    expect(seen.path).toBe("/things");
    expect(seen.headers["content-type"]).toBe("application/json");
    expect(seen.headers.authorization).toBe("Token token=abc123def");
    expect(seen.json()).toEqual({ name: "thing" });
  });

  it.each([
    ["500", { status: 500, text: "oops" }],
    ["503", { status: 503, text: "maintenance" }],
    ["429", { status: 429, text: "slow down", headers: { "retry-after": "0" } }],
    ["a timeout", { status: 200, delayMs: 1500 }],
  ])("retries after %s and delivers once", async (_name, failure) => {
    server = await startLocalServer(inTurn(failure, failure, { status: 200, text: "ok" }));
    const response = await quickHttpClient(400).request({ service: "demo", url: server.url });
    expect(response.text).toBe("ok");
    expect(server.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 410])(
    "treats %i as final: one try, not retryable",
    async (status) => {
      server = await startLocalServer(() => ({ status, text: "invalid_payload" }));
      const error = await rejectionOf(
        quickHttpClient().request({ service: "demo", url: server.url }),
      );
      expect(error).toBeInstanceOf(OutputHttpError);
      expect((error as OutputHttpError).status).toBe(status);
      expect((error as OutputHttpError).retryable).toBe(false);
      expect(error.message).toContain("invalid_payload");
      expect(server.requests).toHaveLength(1);
    },
  );

  it("gives up after five tries, saying so, and leaves the output retryable", async () => {
    server = await startLocalServer(() => ({ status: 502, text: "bad gateway" }));
    const error = await rejectionOf(
      quickHttpClient().request({ service: "demo", url: server.url }),
    );
    expect(server.requests).toHaveLength(5);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).retryable).toBe(true);
    expect(error.message).toMatch(/HTTP 502.*gave up after 5 tries/);
  });

  it("retries a refused connection and reports it by service and host", async () => {
    const url = await closedPortUrl();
    const error = await rejectionOf(quickHttpClient().request({ service: "demo", url }));
    expect(error.message).toContain(`demo (${new URL(url).host}): connection failed`);
    expect((error as OutputError).retryable).toBe(true);
  });

  it("waits a full-jitter backoff between tries, and Retry-After when the service asks", async () => {
    server = await startLocalServer(
      inTurn(
        { status: 500 },
        { status: 500 },
        { status: 429, headers: { "retry-after": "2" } },
        { status: 200 },
      ),
    );
    const waits: number[] = [];
    const client = createHttpClient({
      baseDelayMs: 100,
      maxDelayMs: 1500,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await client.request({ service: "demo", url: server.url });
    // half of 100·2^n, then Retry-After's 2 s capped at the 1.5 s maximum
    expect(waits).toEqual([50, 100, 1500]);
  });

  it("keeps URL secrets, tokens and named secrets out of errors a service echoes", async () => {
    const path = "/services/T0123ABCD/B0456EFGH/xoxSecretWebhookToken42";
    server = await startLocalServer((request) => ({
      status: 404,
      text: `Cannot POST ${request.path}; token ${String(request.headers.authorization)}; key ${request.json().routing_key}`,
    }));
    const error = await rejectionOf(
      quickHttpClient().request({
        service: "demo",
        url: `${server.url}${path}`,
        headers: { authorization: "Token token=u+pdSecretRestToken" },
        json: { routing_key: "R0UTINGKEYSECRET" },
        secrets: ["R0UTINGKEYSECRET"],
      }),
    );
    const said = allSaidBy(error);
    for (const secret of ["xoxSecretWebhookToken42", "u+pdSecretRestToken", "R0UTINGKEYSECRET"]) {
      expect(said).not.toContain(secret);
    }
    expect(error.message).toContain("Cannot POST ***");
  });
});
