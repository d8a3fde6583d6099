import { createDemistoOutput } from "../../../../functions/alert_processor/outputs/demisto";
import type { OutputHttpError } from "../../../../functions/alert_processor/outputs/errors";
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

const TOKEN = "D3M1ST0-API-KEY-0123456789";

const credentials = (url: string) => ({ url, token: TOKEN });

/** Demisto's POST /incident: the API key as the Authorization header, answers the incident. */
function demisto(request: SeenRequest): Answer {
  if (request.headers.authorization !== TOKEN) return { status: 401, text: "Unauthorized" };
  if (request.method !== "POST" || request.path !== "/incident") return { status: 404 };
  const body = request.json() as Record<string, unknown>;
  return { status: 201, json: { id: "77", ...body } };
}

interface Incident {
  name: string;
  type: string;
  severity: number;
  owner: string;
  details: string;
  labels: Array<{ type: string; value: string }>;
  createInvestigation: boolean;
}

describe("demisto output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createDemistoOutput({ http: quickHttpClient() });

  it("creates an incident: name, type, severity, details and the record as string labels", async () => {
    server = await startLocalServer(demisto);
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url), alert: { severity: "high" } }),
    );
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers.accept).toBe("application/json");
    const incident = sent.json() as Incident;
    expect(incident).toMatchObject({
      name: "suspicious_login",
      type: "Unclassified",
      severity: 3,
      owner: "StreamAlert",
      details: "Login from an unusual country",
      createInvestigation: true,
    });
    expect(incident.labels).toEqual(
      expect.arrayContaining([
        { type: "record.user", value: "alice" },
        { type: "record.source_ip", value: "198.51.100.7" },
        { type: "record.tags[1]", value: "new-device" },
        { type: "rule_name", value: "suspicious_login" },
        { type: "staged", value: "false" },
      ]),
    );
    const names = incident.labels.map((label) => label.type);
    expect(names).toEqual([...names].sort());
    expect(incident.labels.every((label) => typeof label.value === "string")).toBe(true);
  });

  it("honours the @demisto override keys", async () => {
    server = await startLocalServer(demisto);
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(`${server.url}/`),
        publication: {
          "@demisto.incident_name": "Unusual login for alice",
          "@demisto.incident_type": "Access",
          "@demisto.severity": "Critical",
          "@demisto.owner": "secops",
          "@demisto.details": "Call alice",
          "@demisto.label_data": { host: { name: "web-1" } },
        },
      }),
    );
    const incident = server.requests[0].json() as Incident;
    expect(incident).toMatchObject({
      name: "Unusual login for alice",
      type: "Access",
      severity: 4,
      owner: "secops",
      details: "Call alice",
      labels: [{ type: "host.name", value: "web-1" }],
    });
  });

  it("treats 400 as final", async () => {
    server = await startLocalServer(inTurn({ status: 400, text: "bad incident" }));
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
    );
    expect((error as OutputHttpError).status).toBe(400);
    expect((error as OutputHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 and creates the incident once", async () => {
    let failures = 2;
    server = await startLocalServer((request) =>
      failures-- > 0 ? { status: 500, text: "busy" } : demisto(request),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials(server.url) }));
    expect(server.requests).toHaveLength(3);
  });

  it("never puts the API key in its errors", async () => {
    server = await startLocalServer(() => ({ status: 401, text: "invalid api key" }));
    const errors = [
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
      ),
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(await closedPortUrl()) })),
      ),
    ];
    for (const error of errors) {
      expect(allSaidBy(error)).toContain("demisto");
      expect(allSaidBy(error)).not.toContain(TOKEN);
    }
  });
});
