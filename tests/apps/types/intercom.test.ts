// intercom_admin_activity_logs against an Intercom stand-in: bearer token, the created_at window,
// pages.next, entries at the cursor second not sent again.
import { INTERCOM_ADMIN_ACTIVITY_LOGS } from "../../../functions/apps/types/intercom";
import { allLogs, type LocalServer, pollAll, startLocalServer } from "../app-test-kit";

const NOW = new Date("2026-11-28T16:00:00Z");
const entry = (id: string, createdAt: number) => ({
  id,
  created_at: createdAt,
  activity_type: "admin_login_success",
});

describe("intercom_admin_activity_logs", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("asks for the window and follows pages.next", async () => {
    server = await startLocalServer((request) => {
      if (request.headers.authorization !== "Bearer dG9rabc") return { status: 401, json: {} };
      if (request.query.get("page") === "2")
        return { json: { activity_logs: [entry("c", 1300)], pages: { next: null } } };
      return {
        json: {
          activity_logs: [entry("a", 1000), entry("b", 1200)],
          pages: { next: "https://api.intercom.io/admins/activity_logs?page=2" },
        },
      };
    });

    const pages = await pollAll(INTERCOM_ADMIN_ACTIVITY_LOGS, server.url, {
      auth: { token: "dG9rabc" },
      lastTimestamp: 1000,
      now: NOW,
    });

    expect(server.requests[0].query.get("created_at_after")).toBe("1000");
    expect(server.requests[0].query.get("created_at_before")).toBe(String(NOW.getTime() / 1000));
    expect(allLogs(pages)).toEqual([entry("b", 1200), entry("c", 1300)]);
    expect(pages.at(-1)).toMatchObject({ more: false, lastTimestamp: NOW.getTime() / 1000 - 1 });
  });
});
