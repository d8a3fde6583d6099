// duo_auth / duo_admin against a Duo stand-in that recomputes every request's HMAC-SHA1 signature
// and serves the log endpoint oldest first, 1000 at most, from mintime.
import { createHmac } from "node:crypto";
import { DUO_ADMIN, DUO_AUTH } from "../../../functions/apps/types/duo";
import {
  allLogs,
  type LocalServer,
  pollAll,
  type SeenRequest,
  startLocalServer,
} from "../app-test-kit";

const AUTH = {
  api_hostname: "api-1a2b3c4d.duosecurity.com",
  integration_key: "DIWJ8X6AEYOR5OMC6TQ1",
  secret_key: "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep",
};

/** Duo's check, written from its documentation: date, method, host, path, sorted params. */
function signatureValid(request: SeenRequest): boolean {
  const date = String(request.headers.date);
  const encode = (value: string) =>
    encodeURIComponent(value).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const params = [...request.query.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join("&");
  const canonical = [date, request.method, AUTH.api_hostname, request.path, params].join("\n");
  const expected = createHmac("sha1", AUTH.secret_key).update(canonical).digest("hex");
  const basic = Buffer.from(`${AUTH.integration_key}:${expected}`).toString("base64");
  return request.headers.authorization === `Basic ${basic}`;
}

function duoServer(path: string, logs: { timestamp: number; username: string }[]) {
  return startLocalServer((request) => {
    if (request.path !== path) return { status: 404, json: { stat: "FAIL", message: "not found" } };
    if (!signatureValid(request)) return { status: 401, json: { stat: "FAIL", code: 40103 } };
    const mintime = Number(request.query.get("mintime"));
    return {
      json: {
        stat: "OK",
        response: logs.filter((log) => log.timestamp >= mintime).slice(0, 1000),
      },
    };
  });
}

const log = (timestamp: number, n = 0) => ({ timestamp, username: `user${timestamp}-${n}` });

describe("duo apps", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each([
    ["duo_auth", DUO_AUTH, "/admin/v1/logs/authentication"],
    ["duo_admin", DUO_ADMIN, "/admin/v1/logs/administrator"],
  ] as const)(
    "%s signs its request and sends the logs after the cursor",
    async (_, definition, path) => {
      const logs = [log(100), log(101), log(102)];
      server = await duoServer(path, logs);

      const pages = await pollAll(definition, server.url, { auth: AUTH, lastTimestamp: 100 });

      expect(server.requests[0].query.get("mintime")).toBe("101");
      expect(allLogs(pages)).toEqual([log(101), log(102)]);
      expect(pages.at(-1)?.lastTimestamp).toBe(102);
      expect(pages.at(-1)?.more).toBe(false);
    },
  );

  it("is refused with a wrong secret key, and says so", async () => {
    server = await duoServer("/admin/v1/logs/authentication", [log(200)]);

    await expect(
      pollAll(DUO_AUTH, server.url, {
        auth: { ...AUTH, secret_key: "x".repeat(40) },
        lastTimestamp: 100,
      }),
    ).rejects.toThrow(/duo_auth.*HTTP 401/);
  });

  it("pages through more than 1000 logs without skipping the second a page ends in", async () => {
    // 1500 logs, three per second: a page of 1000 ends inside a second
    const logs = Array.from({ length: 1500 }, (_, i) => log(1000 + Math.floor(i / 3), i % 3));
    server = await duoServer("/admin/v1/logs/authentication", logs);

    const pages = await pollAll(DUO_AUTH, server.url, { auth: AUTH, lastTimestamp: 999 });

    expect(pages).toHaveLength(2);
    expect(pages[0].more).toBe(true);
    expect(allLogs(pages)).toEqual(logs);
    expect(pages.at(-1)?.lastTimestamp).toBe(1499);
  });

  it("keeps the cursor when there is nothing new", async () => {
    server = await duoServer("/admin/v1/logs/administrator", [log(50)]);

    const pages = await pollAll(DUO_ADMIN, server.url, { auth: AUTH, lastTimestamp: 60 });

    expect(pages).toEqual([{ logs: [], more: false, lastTimestamp: 60, context: {} }]);
  });
});
