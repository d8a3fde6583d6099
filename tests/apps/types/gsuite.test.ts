// gsuite_* against a Google stand-in: the service-account JWT (signature, issuer, subject, scope,
// audience) exchanged for a token, activities newest first paged by nextPageToken, and the ids at
// the cursor instant not sent twice.
import { GSUITE_TYPES } from "../../../functions/apps/types/gsuite";
import {
  allLogs,
  type LocalServer,
  pollAll,
  rsaKeys,
  startLocalServer,
  verifyJwt,
} from "../app-test-kit";

const GSUITE_LOGIN = GSUITE_TYPES.find((definition) => definition.type === "gsuite_login");
if (!GSUITE_LOGIN) throw new Error("gsuite_login is not defined");

const activity = (time: string, id: string) => ({
  kind: "admin#reports#activity",
  id: { time, uniqueQualifier: id, applicationName: "login", customerId: "C0" },
  actor: { email: "alice@acme.example" },
  ipAddress: "198.51.100.5",
  events: [{ type: "login", name: "login_success" }],
});

function auth() {
  return {
    keyfile: {
      type: "service_account",
      client_email: "reports@acme.iam.gserviceaccount.com",
      private_key: rsaKeys().privatePem,
      token_uri: "https://oauth2.googleapis.com/token",
    },
    delegation_email: "admin@acme.example",
  };
}

function googleServer(pages: Record<string, { items: unknown[]; nextPageToken?: string }>) {
  return startLocalServer((request) => {
    if (request.path === "/token") {
      const form = new URLSearchParams(request.body);
      const { claims } = verifyJwt(String(form.get("assertion")));
      const expected = {
        iss: "reports@acme.iam.gserviceaccount.com",
        sub: "admin@acme.example",
        scope: "https://www.googleapis.com/auth/admin.reports.audit.readonly",
        aud: "https://oauth2.googleapis.com/token",
      };
      if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
        return { status: 400, json: {} };
      for (const [key, value] of Object.entries(expected)) {
        if (claims[key] !== value) return { status: 400, json: { error: `bad ${key}` } };
      }
      return { json: { access_token: "ya29.token", expires_in: 3600 } };
    }
    if (request.headers.authorization !== "Bearer ya29.token") return { status: 401, json: {} };
    if (request.path !== "/admin/reports/v1/activity/users/all/applications/login")
      return { status: 404, json: {} };
    return {
      json: { kind: "admin#reports#activities", ...pages[request.query.get("pageToken") ?? ""] },
    };
  });
}

describe("gsuite apps", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("defines one app type per Reports application", () => {
    expect(GSUITE_TYPES.map((definition) => definition.type)).toEqual(
      expect.arrayContaining(["gsuite_admin", "gsuite_login", "gsuite_drive", "gsuite_token"]),
    );
  });

  it("signs in as the delegated user, pages to the end and moves the cursor to the newest activity", async () => {
    server = await googleServer({
      "": {
        items: [
          activity("2026-11-28T15:59:00.000Z", "a3"),
          activity("2026-11-28T15:59:00.000Z", "a2"),
        ],
        nextPageToken: "p2",
      },
      p2: { items: [activity("2026-11-28T15:40:00.000Z", "a1")] },
    });

    const pages = await pollAll(GSUITE_LOGIN, server.url, {
      auth: auth(),
      lastTimestamp: "2026-11-28T15:30:00.000Z",
    });

    expect(server.requests.filter((r) => r.path === "/token")).toHaveLength(1);
    expect(server.requests[1].query.get("startTime")).toBe("2026-11-28T15:30:00.000Z");
    expect(
      allLogs(pages).map((log) => (log as { id: { uniqueQualifier: string } }).id.uniqueQualifier),
    ).toEqual(["a3", "a2", "a1"]);
    expect(pages[0]).toMatchObject({
      more: true,
      lastTimestamp: "2026-11-28T15:30:00.000Z",
      context: { page_token: "p2" },
    });
    expect(pages[1]).toEqual({
      logs: [activity("2026-11-28T15:40:00.000Z", "a1")],
      more: false,
      lastTimestamp: "2026-11-28T15:59:00.000Z",
      context: { last_event_ids: ["a3", "a2"] },
    });
  });

  it("does not send again the activities at the cursor instant", async () => {
    server = await googleServer({
      "": {
        items: [
          activity("2026-11-28T15:59:30.000Z", "b1"),
          activity("2026-11-28T15:59:00.000Z", "a3"),
        ],
      },
    });

    const pages = await pollAll(GSUITE_LOGIN, server.url, {
      auth: auth(),
      lastTimestamp: "2026-11-28T15:59:00.000Z",
      context: { last_event_ids: ["a3", "a2"] },
    });

    expect(allLogs(pages)).toEqual([activity("2026-11-28T15:59:30.000Z", "b1")]);
    expect(pages[0].context).toEqual({ last_event_ids: ["b1"] });
  });

  it("refuses a keyfile without a private key, naming the fix", async () => {
    server = await googleServer({});

    await expect(
      pollAll(GSUITE_LOGIN, server.url, {
        auth: { ...auth(), keyfile: { client_email: "x" } },
        lastTimestamp: "x",
      }),
    ).rejects.toThrow(/no client_email or private_key; store the service account's JSON key/);
  });
});
