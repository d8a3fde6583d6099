import type { OutputHttpError } from "../../../../functions/alert_processor/outputs/errors";
import { createKomandOutput } from "../../../../functions/alert_processor/outputs/komand";
import {
  type Answer,
  closedPortUrl,
  inTurn,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";
import { allSaidBy, dispatchRequest, rejectionOf } from "./dispatch-request";

const TOKEN = "00000000-1111-2222-3333-444444444444";
const TRIGGER = "/v2/triggers/5c1a9d2e-7b1f-4f7e-9a4e-2f0c8d1b6a3e/events";

const credentials = (url: string) => ({ url: `${url}${TRIGGER}`, komand_auth_token: TOKEN });

/** A Komand API trigger: the key in the Authorization header, the event as JSON. */
function komand(request: SeenRequest): Answer {
  if (request.headers.authorization !== TOKEN) return { status: 401, text: "Unauthorized" };
  if (request.method !== "POST" || request.path !== TRIGGER) return { status: 404 };
  return { json: { id: "job-1", status: "queued" } };
}

describe("komand output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createKomandOutput({ http: quickHttpClient() });

  it("posts the publication as data to the trigger URL with the API key", async () => {
    server = await startLocalServer(komand);
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(server.url),
        publication: { "@slack.text": "not for komand" },
      }),
    );
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent.headers["content-type"]).toBe("application/json");
    const { data } = sent.json() as { data: Record<string, unknown> };
    expect(data.rule_name).toBe("suspicious_login");
    expect(data.record).toEqual({
      user: "alice",
      source_ip: "198.51.100.7",
      tags: ["vpn", "new-device"],
    });
    expect(data).not.toHaveProperty("@slack.text");
  });

  it("treats 400 as final", async () => {
    server = await startLocalServer(inTurn({ status: 400, json: { error: "bad event" } }));
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
    );
    expect((error as OutputHttpError).status).toBe(400);
    expect((error as OutputHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 and triggers once", async () => {
    let failures = 2;
    server = await startLocalServer((request) =>
      failures-- > 0 ? { status: 502 } : komand(request),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials(server.url) }));
    expect(server.requests).toHaveLength(3);
  });

  it("never puts the API key or the trigger path in its errors", async () => {
    server = await startLocalServer(() => ({ status: 403, text: "forbidden" }));
    const errors = [
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
      ),
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(await closedPortUrl()) })),
      ),
      await rejectionOf(
        output().dispatch(
          dispatchRequest({ credentials: { url: `komand${TRIGGER}`, komand_auth_token: TOKEN } }),
        ),
      ),
    ];
    for (const error of errors) {
      expect(allSaidBy(error)).toContain("komand");
      expect(allSaidBy(error)).not.toContain(TOKEN);
      expect(allSaidBy(error)).not.toContain("5c1a9d2e");
    }
  });
});
