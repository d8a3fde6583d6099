// slack_access and slack_integration against a Slack stand-in: bearer token, form paging, entries
// filtered against the cursor, accessLogs continuing `before` the oldest entry after page 100.
import { SLACK_ACCESS, SLACK_INTEGRATION } from "../../../functions/apps/types/slack";
import { allLogs, type LocalServer, pollAll, startLocalServer } from "../app-test-kit";

const AUTH = { auth_token: "xoxp-123" };
const NOW = new Date("2026-11-28T16:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;

const access = (n: number, dateLast: number) => ({
  user_id: `U${n}`,
  username: `user${n}`,
  date_first: dateLast - 100,
  date_last: dateLast,
  count: 1,
  ip: "198.51.100.1",
  user_agent: "ua",
  isp: "isp",
  country: "US",
  region: "OR",
});

describe("slack apps", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("slack_access reads every page and keeps entries that changed after the cursor", async () => {
    const pages = [
      [access(1, 5000), access(2, 900)],
      [access(3, 1500), access(4, 800)],
    ];
    server = await startLocalServer((request) => {
      if (request.headers.authorization !== "Bearer xoxp-123")
        return { json: { ok: false, error: "invalid_auth" } };
      const form = new URLSearchParams(request.body);
      const page = Number(form.get("page"));
      return {
        json: {
          ok: true,
          logins: pages[page - 1],
          paging: { count: Number(form.get("count")), total: 4, page, pages: 2 },
        },
      };
    });

    const result = await pollAll(SLACK_ACCESS, server.url, {
      auth: AUTH,
      lastTimestamp: 1000,
      now: NOW,
    });

    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/team.accessLogs",
      "/api/team.accessLogs",
    ]);
    expect(allLogs(result)).toEqual([access(1, 5000), access(3, 1500)]);
    expect(result[0]).toMatchObject({
      more: true,
      lastTimestamp: 1000,
      context: { page: 2, window_start: NOW_SECONDS },
    });
    expect(result[1]).toMatchObject({ more: false, lastTimestamp: NOW_SECONDS, context: {} });
  });

  it("slack_access continues before the oldest entry after the 100th page", async () => {
    server = await startLocalServer((request) => {
      const form = new URLSearchParams(request.body);
      const before = form.get("before");
      const page = Number(form.get("page"));
      return {
        json: {
          ok: true,
          logins: [access(page, before ? 3000 : 4000)],
          paging: { count: 1000, total: 500000, page, pages: before ? 1 : 500 },
        },
      };
    });

    const result = await pollAll(SLACK_ACCESS, server.url, {
      auth: AUTH,
      lastTimestamp: 1000,
      context: { page: 100, window_start: 9999 },
    });

    expect(new URLSearchParams(server.requests[1].body).get("before")).toBe("3900");
    expect(new URLSearchParams(server.requests[1].body).get("page")).toBe("1");
    expect(result.at(-1)).toMatchObject({ more: false, lastTimestamp: 9999 });
  });

  it("slack_integration stops at the page that reaches back past the cursor", async () => {
    const log = (date: number) => ({
      user_id: "U1",
      user_name: "alice",
      date: String(date),
      change_type: "added",
    });
    server = await startLocalServer(() => ({
      json: {
        ok: true,
        logs: [log(3000), log(2000), log(500)],
        paging: { count: 3, total: 30, page: 1, pages: 10 },
      },
    }));

    const result = await pollAll(SLACK_INTEGRATION, server.url, {
      auth: AUTH,
      lastTimestamp: 1000,
      now: NOW,
    });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].path).toBe("/api/team.integrationLogs");
    expect(allLogs(result)).toEqual([log(3000), log(2000)]);
    expect(result[0]).toMatchObject({ more: false, lastTimestamp: NOW_SECONDS });
  });

  it("fails on Slack's ok: false with its error", async () => {
    server = await startLocalServer(() => ({
      json: { ok: false, error: "not_allowed_token_type" },
    }));

    await expect(
      pollAll(SLACK_ACCESS, server.url, { auth: AUTH, lastTimestamp: 1 }),
    ).rejects.toThrow("slack team.accessLogs: not_allowed_token_type");
  });
});
