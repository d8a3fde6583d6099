// box_admin_events against a Box stand-in: the JWT assertion signed with the app's (encrypted)
// private key for the enterprise, admin_logs from created_after, then next_stream_position.
import { BOX_ADMIN_EVENTS } from "../../../functions/apps/types/box";
import {
  allLogs,
  encryptedPrivatePem,
  type LocalServer,
  pollAll,
  startLocalServer,
  verifyJwt,
} from "../app-test-kit";

const NOW = new Date("2026-11-28T16:00:00Z");
const event = (id: string, createdAt: string) => ({
  type: "event",
  event_id: id,
  created_at: createdAt,
  created_by: { type: "user", id: "1", login: "bob@acme.example" },
  event_type: "LOGIN",
  ip_address: "198.51.100.87",
});

const auth = () => ({
  keyfile: {
    boxAppSettings: {
      clientID: "box-client",
      clientSecret: "box-secret",
      appAuth: {
        publicKeyID: "kid1",
        privateKey: encryptedPrivatePem("pass phrase"),
        passphrase: "pass phrase",
      },
    },
    enterpriseID: "123456",
  },
});

describe("box_admin_events", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("authenticates as the enterprise and follows the stream position", async () => {
    const chunks: Record<
      string,
      { entries: unknown[]; chunk_size: number; next_stream_position: string }
    > = {
      first: {
        entries: Array.from({ length: 500 }, (_, i) => event(`e${i}`, "2026-11-28T15:00:00-08:00")),
        chunk_size: 500,
        next_stream_position: "p500",
      },
      p500: {
        entries: [event("last", "2026-11-28T15:10:00-08:00")],
        chunk_size: 1,
        next_stream_position: "p501",
      },
    };
    server = await startLocalServer((request) => {
      if (request.path === "/oauth2/token") {
        const form = new URLSearchParams(request.body);
        const { header, claims } = verifyJwt(String(form.get("assertion")));
        const ok =
          header.kid === "kid1" &&
          claims.iss === "box-client" &&
          claims.sub === "123456" &&
          claims.box_sub_type === "enterprise" &&
          claims.aud === "https://api.box.com/oauth2/token" &&
          String(claims.jti).length >= 16 &&
          Number(claims.exp) - NOW.getTime() / 1000 <= 60 &&
          form.get("client_secret") === "box-secret";
        return ok
          ? { json: { access_token: "box-token" } }
          : { status: 400, json: { error: "invalid_grant" } };
      }
      if (request.headers.authorization !== "Bearer box-token") return { status: 401, json: {} };
      if (request.query.get("stream_type") !== "admin_logs") return { status: 400, json: {} };
      const position = request.query.get("stream_position");
      if (!position && request.query.get("created_after") !== "2026-11-28T14:00:00-00:00")
        return { status: 400, json: {} };
      return { json: chunks[position ?? "first"] };
    });

    const pages = await pollAll(BOX_ADMIN_EVENTS, server.url, {
      auth: auth(),
      lastTimestamp: "2026-11-28T14:00:00-00:00",
      now: NOW,
    });

    expect(allLogs(pages)).toHaveLength(501);
    expect(pages[0]).toMatchObject({ more: true, context: { stream_position: "p500" } });
    expect(pages[1]).toMatchObject({
      more: false,
      lastTimestamp: "2026-11-28T15:10:00-08:00",
      context: { last_event_ids: ["last"] },
    });
  });

  it("skips events at the cursor instant that were already sent", async () => {
    server = await startLocalServer((request) =>
      request.path === "/oauth2/token"
        ? { json: { access_token: "t" } }
        : {
            json: {
              entries: [
                event("seen", "2026-11-28T15:10:00-08:00"),
                event("new", "2026-11-28T15:11:00-08:00"),
              ],
              chunk_size: 2,
              next_stream_position: "x",
            },
          },
    );

    const pages = await pollAll(BOX_ADMIN_EVENTS, server.url, {
      auth: auth(),
      lastTimestamp: "2026-11-28T15:10:00-08:00",
      context: { last_event_ids: ["seen"] },
    });

    expect(allLogs(pages)).toEqual([event("new", "2026-11-28T15:11:00-08:00")]);
  });

  it("names what the key file lacks", async () => {
    server = await startLocalServer(() => ({ json: {} }));
    await expect(
      pollAll(BOX_ADMIN_EVENTS, server.url, {
        auth: { keyfile: { enterpriseID: "1" } },
        lastTimestamp: "x",
      }),
    ).rejects.toThrow(/lacks clientId, clientSecret, publicKeyId, privateKey/);
  });
});
