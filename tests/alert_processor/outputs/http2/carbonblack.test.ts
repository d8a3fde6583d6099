import { createCarbonBlackOutput } from "../../../../functions/alert_processor/outputs/carbonblack";
import {
  OutputConfigError,
  type OutputHttpError,
} from "../../../../functions/alert_processor/outputs/errors";
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

const TOKEN = "cbR3sp0nseT0ken0123456789abcdef";
const MD5 = "7fb55f5a62e78af9b58d08aaeeaef848";

const credentials = (url: string) => ({ url, token: TOKEN });
const banContext = (value: unknown = MD5) => ({ carbonblack: { action: "ban", value } });

/** Cb Response's banning API: X-Auth-Token; a hash already banned is refused with 409. */
function fakeCbResponse() {
  const banned = new Set<string>();
  const handler = (request: SeenRequest): Answer => {
    if (request.headers["x-auth-token"] !== TOKEN) return { status: 401, text: "Unauthorized" };
    if (request.method !== "POST" || request.path !== "/api/v1/banning/blacklist") {
      return { status: 404 };
    }
    const { md5hash } = request.json() as { md5hash: string };
    if (banned.has(md5hash)) return { status: 409, text: "banned hash already exists" };
    banned.add(md5hash);
    return { json: { result: "success" } };
  };
  return { handler, banned };
}

describe("carbonblack output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createCarbonBlackOutput({ http: quickHttpClient() });

  it("bans the md5 the rule context names", async () => {
    const cb = fakeCbResponse();
    server = await startLocalServer(cb.handler);
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url), alert: { context: banContext() } }),
    );
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0].json() as Record<string, unknown>;
    expect(body).toMatchObject({ md5hash: MD5.toUpperCase(), enabled: true });
    expect(body.text).toContain("suspicious_login");
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
  });

  it("counts a hash already banned as done", async () => {
    const cb = fakeCbResponse();
    server = await startLocalServer(cb.handler);
    const request = dispatchRequest({
      credentials: credentials(server.url),
      alert: { context: banContext() },
    });
    await output().dispatch(request);
    await output().dispatch(request);
    expect(server.requests).toHaveLength(2);
    expect(cb.banned.size).toBe(1);
  });

  it.each([
    ["no context", {}],
    ["another action", { carbonblack: { action: "isolate", value: MD5 } }],
  ])("does nothing and succeeds with %s", async (_case, context) => {
    server = await startLocalServer(fakeCbResponse().handler);
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url), alert: { context } }),
    );
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a value that is not an md5, saying which", async () => {
    server = await startLocalServer(fakeCbResponse().handler);
    const error = await rejectionOf(
      output().dispatch(
        dispatchRequest({
          credentials: credentials(server.url),
          alert: { context: banContext("abc") },
        }),
      ),
    );
    expect(error).toBeInstanceOf(OutputConfigError);
    expect(error.message).toContain('"abc"');
    expect(server.requests).toHaveLength(0);
  });

  it("treats 400 as final", async () => {
    server = await startLocalServer(inTurn({ status: 400, text: "bad request" }));
    const error = await rejectionOf(
      output().dispatch(
        dispatchRequest({ credentials: credentials(server.url), alert: { context: banContext() } }),
      ),
    );
    expect((error as OutputHttpError).status).toBe(400);
    expect((error as OutputHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 and bans once", async () => {
    const cb = fakeCbResponse();
    let failures = 2;
    server = await startLocalServer((request) =>
      failures-- > 0 ? { status: 500 } : cb.handler(request),
    );
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url), alert: { context: banContext() } }),
    );
    expect(server.requests).toHaveLength(3);
    expect(cb.banned.size).toBe(1);
  });

  it("never puts the API token in its errors", async () => {
    server = await startLocalServer(() => ({ status: 401, text: "Unauthorized" }));
    const errors = [
      await rejectionOf(
        output().dispatch(
          dispatchRequest({
            credentials: credentials(server.url),
            alert: { context: banContext() },
          }),
        ),
      ),
      await rejectionOf(
        output().dispatch(
          dispatchRequest({
            credentials: credentials(await closedPortUrl()),
            alert: { context: banContext() },
          }),
        ),
      ),
    ];
    for (const error of errors) {
      expect(allSaidBy(error)).toContain("carbonblack");
      expect(allSaidBy(error)).not.toContain(TOKEN);
    }
  });
});
