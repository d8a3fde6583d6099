// onelogin_events against a OneLogin stand-in: token for the right client credentials, events
// for since/until, paged by next_link; the window end becomes the cursor only after the last page.
import { ONELOGIN_EVENTS } from "../../../functions/apps/types/onelogin";
import { type Answer, allLogs, type LocalServer, pollAll, startLocalServer } from "../app-test-kit";

const AUTH = { region: "us", client_id: "cid", client_secret: "csecret" };
const NOW = new Date("2026-11-28T16:00:00Z");
const event = (id: number) => ({
  id,
  created_at: `2026-11-28T15:5${id}:00.000Z`,
  event_type_id: 5,
});

function oneLoginServer(pages: Answer[][]): Promise<LocalServer> {
  return startLocalServer((request) => {
    if (request.path === "/auth/oauth2/v2/token") {
      const authorized = request.headers.authorization === "client_id:cid, client_secret:csecret";
      const grant = (request.json() as { grant_type?: string }).grant_type;
      if (!authorized || grant !== "client_credentials") return { status: 401, json: {} };
      return { json: { access_token: "tok", token_type: "bearer" } };
    }
    if (request.headers.authorization !== "bearer:tok") return { status: 401, json: {} };
    const page = Number(request.query.get("page") ?? 0);
    return pages[page][0];
  });
}

const eventsPage = (ids: number[], next?: number): Answer => ({
  json: {
    status: { error: false, code: 200 },
    pagination: {
      next_link:
        next === undefined ? null : `https://api.us.onelogin.com/api/1/events?page=${next}`,
    },
    data: ids.map(event),
  },
});

describe("onelogin_events", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("gets a token, asks for the window and follows next_link to the end", async () => {
    server = await oneLoginServer([[eventsPage([1, 2], 1)], [eventsPage([3])]]);

    const pages = await pollAll(ONELOGIN_EVENTS, server.url, {
      auth: AUTH,
      lastTimestamp: "2026-11-28T15:50:00Z",
      now: NOW,
    });

    const first = server.requests.find((r) => r.path === "/api/1/events");
    expect(first?.query.get("since")).toBe("2026-11-28T15:50:00Z");
    expect(first?.query.get("until")).toBe("2026-11-28T16:00:00Z");
    expect(allLogs(pages)).toEqual([event(1), event(2), event(3)]);
    expect(server.requests.filter((r) => r.path.includes("token"))).toHaveLength(1);
    // mid-window the cursor stays and the next link is kept; at the end the window end is it
    expect(pages[0]).toMatchObject({
      lastTimestamp: "2026-11-28T15:50:00Z",
      more: true,
      context: { next_link: expect.stringContaining("page=1"), window_end: "2026-11-28T16:00:00Z" },
    });
    expect(pages[1]).toMatchObject({
      lastTimestamp: "2026-11-28T16:00:00Z",
      more: false,
      context: {},
    });
  });

  it("resumes a window from the saved next link", async () => {
    server = await oneLoginServer([[eventsPage([1], 1)], [eventsPage([3])]]);

    const pages = await pollAll(ONELOGIN_EVENTS, server.url, {
      auth: AUTH,
      lastTimestamp: "2026-11-28T15:50:00Z",
      context: {
        next_link: "https://api.us.onelogin.com/api/1/events?page=1",
        window_end: "2026-11-28T15:59:00Z",
      },
    });

    expect(allLogs(pages)).toEqual([event(3)]);
    expect(pages.at(-1)?.lastTimestamp).toBe("2026-11-28T15:59:00Z");
  });

  it("fails on wrong credentials", async () => {
    server = await oneLoginServer([[eventsPage([])]]);

    await expect(
      pollAll(ONELOGIN_EVENTS, server.url, {
        auth: { ...AUTH, client_secret: "no" },
        lastTimestamp: "x",
      }),
    ).rejects.toThrow(/onelogin_events.*HTTP 401/);
  });
});
