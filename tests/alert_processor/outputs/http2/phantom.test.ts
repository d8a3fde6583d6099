import type { OutputHttpError } from "../../../../functions/alert_processor/outputs/errors";
import { createPhantomOutput } from "../../../../functions/alert_processor/outputs/phantom";
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

const TOKEN = "ph-T0KEN-abcdefghijklmnop=";

const credentials = (url: string) => ({ url, ph_auth_token: TOKEN });

interface Artifact {
  container_id: number;
  name: string;
  label: string;
  source_data_identifier: string;
  cef: Record<string, unknown>;
  data: Record<string, unknown>;
}

/**
 * Phantom's REST API for containers and artifacts, in memory: ph-auth-token required, containers
 * filtered by `_filter_name="<name>"`, an artifact with a source_data_identifier already in its
 * container refused with existing_artifact_id (answered with `duplicateStatus`).
 */
function fakePhantom(options: { duplicateStatus?: number; containers?: string[] } = {}) {
  const containers = (options.containers ?? []).map((name, index) => ({ id: index + 1, name }));
  const artifacts: Array<Artifact & { id: number }> = [];
  const handler = (request: SeenRequest): Answer => {
    if (request.headers["ph-auth-token"] !== TOKEN) {
      return { status: 401, json: { failed: true, message: "Invalid token" } };
    }
    if (request.method === "GET" && request.path === "/rest/container") {
      const filter = request.query.get("_filter_name");
      const data = containers.filter((c) => filter !== null && JSON.stringify(c.name) === filter);
      const size = Number(request.query.get("page_size") ?? 10);
      return { json: { count: data.length, num_pages: 1, data: data.slice(0, size) } };
    }
    if (request.method === "POST" && request.path === "/rest/container") {
      const { name } = request.json() as { name: string };
      containers.push({ id: containers.length + 1, name });
      return { json: { success: true, id: containers.length } };
    }
    if (request.method === "POST" && request.path === "/rest/artifact") {
      const artifact = request.json() as Artifact;
      const existing = artifacts.find(
        (a) =>
          a.container_id === artifact.container_id &&
          a.source_data_identifier === artifact.source_data_identifier,
      );
      if (existing) {
        return {
          status: options.duplicateStatus ?? 200,
          json: {
            failed: true,
            message: "artifact already exists",
            existing_artifact_id: existing.id,
          },
        };
      }
      artifacts.push({ ...artifact, id: artifacts.length + 100 });
      return { json: { success: true, id: artifacts.length + 99 } };
    }
    return { status: 404, json: { failed: true, message: "not found" } };
  };
  return { handler, containers, artifacts };
}

describe("phantom output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createPhantomOutput({ http: quickHttpClient() });

  it("creates the rule's container, then adds the alert as an artifact with the record as CEF", async () => {
    const phantom = fakePhantom();
    server = await startLocalServer(phantom.handler);
    const request = dispatchRequest({ credentials: credentials(server.url) });
    await output().dispatch(request);

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /rest/container",
      "POST /rest/container",
      "POST /rest/artifact",
    ]);
    expect(server.requests[0].query.get("_filter_name")).toBe('"suspicious_login"');
    expect(server.requests[1].json()).toEqual({
      name: "suspicious_login",
      description: "Login from an unusual country",
    });
    const [artifact] = phantom.artifacts;
    expect(artifact.container_id).toBe(1);
    expect(artifact.cef).toEqual({
      user: "alice",
      source_ip: "198.51.100.7",
      tags: ["vpn", "new-device"],
    });
    expect(artifact.data.rule_name).toBe("suspicious_login");
    // the alert id names the artifact, so a resend is recognised
    expect(artifact.source_data_identifier).toContain(request.alert.alertId);
  });

  it("adds to the container that already exists for the rule", async () => {
    const phantom = fakePhantom({ containers: ["other_rule", "suspicious_login"] });
    server = await startLocalServer(phantom.handler);
    await output().dispatch(dispatchRequest({ credentials: credentials(`${server.url}/`) }));
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /rest/container",
      "POST /rest/artifact",
    ]);
    expect(phantom.artifacts[0].container_id).toBe(2);
  });

  it.each([200, 400])(
    "adds an alert sent again only once (duplicate answered %i)",
    async (duplicateStatus) => {
      const phantom = fakePhantom({ duplicateStatus });
      server = await startLocalServer(phantom.handler);
      const request = dispatchRequest({ credentials: credentials(server.url) });
      await output().dispatch(request);
      await output().dispatch(request);
      expect(phantom.containers).toHaveLength(1);
      expect(phantom.artifacts).toHaveLength(1);
    },
  );

  it("treats 400 as final", async () => {
    server = await startLocalServer(
      inTurn({ status: 400, json: { failed: true, message: "bad filter" } }),
    );
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
    );
    expect((error as OutputHttpError).status).toBe(400);
    expect((error as OutputHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 on the artifact and adds it once", async () => {
    const phantom = fakePhantom({ containers: ["suspicious_login"] });
    let failures = 2;
    server = await startLocalServer((request) =>
      request.path === "/rest/artifact" && failures-- > 0
        ? { status: 500 }
        : phantom.handler(request),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials(server.url) }));
    expect(server.requests.filter((r) => r.path === "/rest/artifact")).toHaveLength(3);
    expect(phantom.artifacts).toHaveLength(1);
  });

  it("never puts the auth token in its errors", async () => {
    server = await startLocalServer(() => ({ status: 401, json: { message: "Invalid token" } }));
    const errors = [
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
      ),
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(await closedPortUrl()) })),
      ),
    ];
    for (const error of errors) {
      expect(allSaidBy(error)).toContain("phantom");
      expect(allSaidBy(error)).not.toContain(TOKEN);
    }
  });
});
