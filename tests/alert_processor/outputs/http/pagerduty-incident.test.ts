import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import {
  createPagerDutyIncidentOutput,
  PAGERDUTY_REST_API_URL,
} from "../../../../functions/alert_processor/outputs/pagerduty-incident";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import { type LocalServer, quickHttpClient, startLocalServer } from "../local-server";
import { FROM, PagerDutyStandIn, TOKEN } from "./pagerduty-rest-stand-in";
import { recordingHttpClient } from "./recording-client";

describe("pagerduty-incident output (REST API v2)", () => {
  let server: LocalServer | undefined;
  let pagerDuty: PagerDutyStandIn;
  beforeEach(async () => {
    pagerDuty = new PagerDutyStandIn();
    server = await startLocalServer((request) => pagerDuty.answer(request));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createPagerDutyIncidentOutput({ http: quickHttpClient() });
  const send = (options: Parameters<typeof dispatchRequest>[0] = {}) => {
    const request = dispatchRequest({
      credentials: {
        token: TOKEN,
        service_name: "Security",
        escalation_policy: "SOC",
        email_from: FROM,
        api: `${server?.url}/`,
      },
      ...options,
    });
    return { request, sent: output().dispatch(request) };
  };
  const routes = () => server!.requests.map((request) => `${request.method} ${request.path}`);

  it("finds the user, service and policy, creates the incident and adds a note", async () => {
    const { request, sent } = send();
    await sent;
    expect(routes()).toEqual([
      "GET /users",
      "GET /services",
      "GET /escalation_policies",
      "POST /incidents",
      "POST /incidents/PINC001/notes",
    ]);
    // PagerDuty checks From against its users, so the user lookup goes without it
    expect(server!.requests[0].headers.from).toBeUndefined();
    expect(server!.requests[3].headers["content-type"]).toBe("application/json");
    expect(pagerDuty.incidents).toHaveLength(1);
    const [incident] = pagerDuty.incidents;
    expect(incident).toMatchObject({
      type: "incident",
      title: "StreamAlert Incident - Rule triggered: console_login_without_mfa",
      service: { id: "PSVC001", type: "service_reference" },
      escalation_policy: { id: "PEP0001", type: "escalation_policy_reference" },
      incident_key: `security:${request.alert.alertId}`,
      body: { type: "incident_body", details: "A console login without MFA" },
    });
    expect(incident.priority).toBeUndefined();
    expect(incident.notes).toHaveLength(1);
    expect(incident.notes[0]).toContain(`alert ${request.alert.alertId}`);
    expect(incident.notes[0]).toContain('"userName": "alice"');
  });

  it("assigns the rule context's user and priority", async () => {
    await send({
      alert: {
        context: {
          "pagerduty-incident": {
            assigned_user: "bob@example.com",
            incident_priority: "P1",
            note: "Call bob",
          },
        },
      },
    }).sent;
    const [incident] = pagerDuty.incidents;
    expect(incident.assignments).toEqual([{ assignee: { id: "PUSER02", type: "user_reference" } }]);
    expect(incident.escalation_policy).toBeUndefined();
    expect(incident.priority).toEqual({ id: "PPRI001", type: "priority_reference" });
    expect(incident.notes).toEqual(["Call bob"]);
  });

  it.each([
    ["the context's policy", { assigned_policy: "Cloud" }, "PEP0002"],
    [
      "the default policy when the user is unknown",
      { assigned_user: "nobody@example.com" },
      "PEP0001",
    ],
    ["the default policy when the context's is unknown", { assigned_policy: "Nope" }, "PEP0001"],
  ])("assigns %s", async (_name, context, policyId) => {
    await send({ alert: { context: { "pagerduty-incident": context } } }).sent;
    expect(pagerDuty.incidents[0].escalation_policy?.id).toBe(policyId);
    expect(pagerDuty.incidents[0].assignments).toBeUndefined();
  });

  it("honours the @pagerduty-incident override keys", async () => {
    await send({
      publication: {
        "@pagerduty-incident.incident_title": "MFA missing for alice",
        "@pagerduty-incident.urgency": "low",
        "@pagerduty-incident.note": "See the runbook",
        "@pagerduty-incident.incident_body": "Console login without MFA by alice",
      },
    }).sent;
    expect(pagerDuty.incidents[0]).toMatchObject({
      title: "MFA missing for alice",
      urgency: "low",
      body: { type: "incident_body", details: "Console login without MFA by alice" },
      notes: ["See the runbook"],
    });
  });

  it("creates the incident without a priority when the account has priorities disabled", async () => {
    pagerDuty.prioritiesEnabled = false;
    await send({ alert: { context: { "pagerduty-incident": { incident_priority: "P1" } } } }).sent;
    expect(pagerDuty.incidents).toHaveLength(1);
    expect(pagerDuty.incidents[0].priority).toBeUndefined();
  });

  it("fails, without creating anything, when email_from or the service is unknown", async () => {
    const badFrom = await rejectionOf(
      send({
        credentials: {
          token: TOKEN,
          service_name: "Security",
          escalation_policy: "SOC",
          email_from: "x@y.z",
          api: server!.url,
        },
      }).sent,
    );
    expect(badFrom.message).toContain("email_from (x@y.z)");
    expect((badFrom as OutputError).retryable).toBe(false);
    const badService = await rejectionOf(
      send({
        credentials: {
          token: TOKEN,
          service_name: "Payments",
          escalation_policy: "SOC",
          email_from: FROM,
          api: server!.url,
        },
      }).sent,
    );
    expect(badService.message).toContain('no PagerDuty service is named "Payments"');
    expect(pagerDuty.incidents).toHaveLength(0);
  });

  it("continues with its own incident when a resend finds it open: one incident, one note", async () => {
    pagerDuty.failNext["POST /incidents/:id/notes"] = {
      status: 400,
      json: { error: { message: "bad" } },
    };
    const first = send();
    await rejectionOf(first.sent);
    expect(pagerDuty.incidents).toHaveLength(1);
    expect(pagerDuty.incidents[0].notes).toEqual([]);
    // the processor dispatches the same alert again later
    await output().dispatch(first.request);
    expect(pagerDuty.incidents).toHaveLength(1);
    expect(pagerDuty.incidents[0].notes).toHaveLength(1);
    expect(routes().slice(-3)).toEqual([
      "POST /incidents",
      "GET /incidents",
      "POST /incidents/PINC001/notes",
    ]);
  });

  it("retries a 500 on create and creates one incident", async () => {
    pagerDuty.failNext["POST /incidents"] = { status: 500 };
    await send().sent;
    expect(routes().filter((route) => route === "POST /incidents")).toHaveLength(2);
    expect(pagerDuty.incidents).toHaveLength(1);
  });

  it("treats a 400 from PagerDuty as final when no incident of its own exists", async () => {
    pagerDuty.failNext["POST /incidents"] = {
      status: 400,
      json: { error: { message: "Invalid Input Provided" } },
    };
    const error = await rejectionOf(send().sent);
    expect((error as OutputError).retryable).toBe(false);
    expect(error.message).toContain("HTTP 400");
    expect(pagerDuty.incidents).toHaveLength(0);
  });

  it("uses api.pagerduty.com by default and keeps the token out of errors", async () => {
    const http = recordingHttpClient({ users: [{ id: "PUSER01", email: FROM }] });
    await rejectionOf(
      createPagerDutyIncidentOutput({ http }).dispatch(
        dispatchRequest({
          credentials: {
            token: TOKEN,
            service_name: "Security",
            escalation_policy: "SOC",
            email_from: FROM,
          },
        }),
      ),
    );
    expect(http.sent[0].url).toBe(`${PAGERDUTY_REST_API_URL}/users?query=soc%40example.com`);

    const echo = await startLocalServer((request) => ({
      status: 401,
      text: `bad credentials: ${String(request.headers.authorization)}`,
    }));
    try {
      const error = await rejectionOf(
        output().dispatch(
          dispatchRequest({
            credentials: {
              token: TOKEN,
              service_name: "Security",
              escalation_policy: "SOC",
              email_from: FROM,
              api: echo.url,
            },
          }),
        ),
      );
      expect(error.message).toContain("pagerduty-incident");
      expect(allSaidBy(error)).not.toContain(TOKEN);
    } finally {
      await echo.close();
    }
  });
});
