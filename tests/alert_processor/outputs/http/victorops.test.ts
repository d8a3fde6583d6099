import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import { createVictorOpsOutput } from "../../../../functions/alert_processor/outputs/victorops";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import {
  closedPortUrl,
  failingFirst,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";

const API_KEY = "5d0a7c3e-91b2-4f6d-8e1a-2b3c4d5e6f70";
const ALERT_PATH = `/integrations/generic/20131114/alert/${API_KEY}`;

interface VictorOpsAlert {
  message_type: string;
  entity_id: string;
  entity_display_name: string;
  state_message: string;
  state_start_time: number;
  monitoring_tool: string;
  record: unknown;
}

/** The REST endpoint: /alert/<api key>/<routing key>, message_type required. */
function restEndpoint(request: SeenRequest) {
  if (request.method !== "POST" || !request.path.startsWith(`${ALERT_PATH}/`)) {
    return { status: 404, json: { result: "failure", message: "Not found" } };
  }
  const alert = request.json<VictorOpsAlert>();
  if (!["CRITICAL", "WARNING", "INFO", "RECOVERY"].includes(alert.message_type)) {
    return { status: 400, json: { result: "failure", message: "Missing fields: message_type" } };
  }
  return { status: 200, json: { result: "success", entity_id: alert.entity_id } };
}

describe("victorops output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createVictorOpsOutput({ http: quickHttpClient() });

  it("posts a CRITICAL alert per StreamAlert alert to the routing key", async () => {
    server = await startLocalServer(restEndpoint);
    const request = dispatchRequest({
      credentials: { url: `${server.url}${ALERT_PATH}`, routing_key: "security-team" },
    });
    await output().dispatch(request);
    expect(server.requests).toHaveLength(1);
    const [seen] = server.requests;
    expect(seen.path).toBe(`${ALERT_PATH}/security-team`);
    expect(seen.headers["content-type"]).toBe("application/json");
    const alert = seen.json<VictorOpsAlert>();
    expect(alert).toMatchObject({
      message_type: "CRITICAL",
      entity_id: `streamalert/security/${request.alert.alertId}`,
      entity_display_name: "console_login_without_mfa",
      monitoring_tool: "StreamAlert",
      state_start_time: Math.floor(request.alert.created.getTime() / 1000),
      record: request.alert.record,
    });
    expect(alert.state_message).toContain("A console login without MFA");
    expect(alert.state_message).toContain('"sourceIPAddress": "198.51.100.7"');
  });

  it("takes the whole endpoint from url, and sends StreamAlert's API id and key headers", async () => {
    server = await startLocalServer(restEndpoint);
    await output().dispatch(
      dispatchRequest({
        credentials: {
          url: `${server.url}${ALERT_PATH}/oncall`,
          victorops_api_id: "a1b2c3",
          victorops_api_key: "k3y-s3cr3t",
        },
        publication: { record: { reshaped: true } },
      }),
    );
    const [seen] = server.requests;
    expect(seen.path).toBe(`${ALERT_PATH}/oncall`);
    expect(seen.headers["x-vo-api-id"]).toBe("a1b2c3");
    expect(seen.headers["x-vo-api-key"]).toBe("k3y-s3cr3t");
    // a publisher's record is what goes
    expect(seen.json<VictorOpsAlert>().record).toEqual({ reshaped: true });
  });

  it("retries a 500 and alerts once; a failure result is final", async () => {
    server = await startLocalServer(failingFirst([{ status: 500 }, { status: 503 }], restEndpoint));
    const credentials = { url: `${server.url}${ALERT_PATH}`, routing_key: "security" };
    await output().dispatch(dispatchRequest({ credentials }));
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
    await server.close();

    server = await startLocalServer((request) => ({
      status: 200,
      json: { result: "failure", message: `Invalid routing key in ${request.path}` },
    }));
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: { url: `${server.url}${ALERT_PATH}/x` } })),
    );
    expect(error.message).toContain("alert refused: Invalid routing key in ***");
    expect(allSaidBy(error)).not.toContain(API_KEY);
    expect((error as OutputError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("treats 400 as final and keeps the API key and routing key out of errors", async () => {
    server = await startLocalServer((request) => ({
      status: 400,
      json: { result: "failure", message: `no integration at ${request.path}` },
    }));
    const credentials = { url: `${server.url}${ALERT_PATH}`, routing_key: "secret-routing" };
    const errors = [
      await rejectionOf(output().dispatch(dispatchRequest({ credentials }))),
      await rejectionOf(
        output().dispatch(
          dispatchRequest({ credentials: { url: `${await closedPortUrl()}${ALERT_PATH}` } }),
        ),
      ),
      await rejectionOf(output().dispatch(dispatchRequest({ credentials: { url: API_KEY } }))),
    ];
    expect(server.requests).toHaveLength(1);
    expect((errors[0] as OutputError).retryable).toBe(false);
    expect(errors[2].message).toContain('credential "url" is not an http(s) URL');
    for (const error of errors) {
      expect(error.message).toContain("victorops");
      expect(allSaidBy(error)).not.toContain(API_KEY);
      expect(allSaidBy(error)).not.toContain("secret-routing");
    }
  });
});
