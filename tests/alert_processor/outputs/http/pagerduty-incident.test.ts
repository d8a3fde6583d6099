import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import {
  createPagerDutyIncidentOutput,
  PAGERDUTY_REST_API_URL,
} from "../../../../functions/alert_processor/outputs/pagerduty-incident";
import {
  type Answer,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "./local-server";
import { recordingHttpClient } from "./recording-client";
import { allSaidBy, dispatchRequest, rejectionOf } from "./requests";

const TOKEN = "y_NbAkKc66ryYTWUXYEu";
const FROM = "soc@example.com";

interface Incident {
  id: string;
  title: string;
  incident_key: string;
  service: { id: string; type: string };
  escalation_policy?: { id: string; type: string };
  assignments?: Array<{ assignee: { id: string; type: string } }>;
  priority?: { id: string; type: string };
  urgency?: string;
  body: { type: string; details: string };
  notes: string[];
}

/** The PagerDuty REST API v2 as far as the output uses it, with incidents kept in memory. */
class PagerDutyStandIn {
  readonly incidents: Incident[] = [];
  prioritiesEnabled = true;
  failNext: Record<string, Answer> = {};
  private readonly users = [
    { id: "PUSER01", email: FROM },
    { id: "PUSER02", email: "bob@example.com" },
  ];
  private readonly services = [
    { id: "PSVC002", name: "Security Infra" },
    { id: "PSVC001", name: "Security" },
  ];
  private readonly policies = [
    { id: "PEP0001", name: "SOC" },
    { id: "PEP0002", name: "Cloud" },
  ];

  answer(request: SeenRequest): Answer {
    const route = `${request.method} ${request.path.replace(/P[A-Z0-9]{6,}/, ":id")}`;
    const failure = this.failNext[route];
    if (failure) {
      delete this.failNext[route];
      return failure;
    }
    if (request.headers.authorization !== `Token token=${TOKEN}`) {
      return { status: 401, json: { error: { message: "Unauthorized", code: 2006 } } };
    }
    if (request.headers.accept !== "application/vnd.pagerduty+json;version=2") {
      return { status: 406 };
    }
    const query = (request.query.get("query") ?? "").toLowerCase();
    const search = <T extends Record<string, string>>(items: T[], field: keyof T) =>
      items.filter((item) => item[field].toLowerCase().includes(query));
    switch (route) {
      case "GET /users":
        return { json: { users: search(this.users, "email") } };
      case "GET /services":
        return { json: { services: search(this.services, "name") } };
      case "GET /escalation_policies":
        return { json: { escalation_policies: search(this.policies, "name") } };
      case "GET /priorities":
        return this.prioritiesEnabled
          ? {
              json: {
                priorities: [
                  { id: "PPRI001", name: "P1" },
                  { id: "PPRI002", name: "P2" },
                ],
              },
            }
          : { status: 404, json: { error: { message: "Priorities are disabled", code: 2100 } } };
      case "GET /incidents": {
        const key = request.query.get("incident_key");
        return {
          json: { incidents: this.incidents.filter((incident) => incident.incident_key === key) },
        };
      }
      case "POST /incidents":
        return this.create(request);
      case "POST /incidents/:id/notes":
        return this.note(request);
      default:
        return { status: 404, json: { error: { message: "Not Found", code: 2100 } } };
    }
  }

  private create(request: SeenRequest): Answer {
    if (request.headers.from !== FROM)
      return { status: 400, json: { error: { message: "From required" } } };
    const { incident } = request.json<{ incident: Omit<Incident, "id" | "notes"> }>();
    if (incident.assignments && incident.escalation_policy) {
      return {
        status: 400,
        json: { error: { message: "assignments and escalation_policy both given" } },
      };
    }
    if (this.incidents.some((existing) => existing.incident_key === incident.incident_key)) {
      return {
        status: 400,
        json: {
          error: {
            message: "Invalid Input Provided",
            code: 2001,
            errors: ["Open incident with matching dedup key already exists on this service"],
          },
        },
      };
    }
    const created = {
      ...incident,
      id: `PINC${String(this.incidents.length + 1).padStart(3, "0")}`,
      notes: [],
    };
    this.incidents.push(created);
    return { status: 201, json: { incident: created } };
  }

  private note(request: SeenRequest): Answer {
    if (request.headers.from !== FROM)
      return { status: 400, json: { error: { message: "From required" } } };
    const id = request.path.split("/")[2];
    const incident = this.incidents.find((candidate) => candidate.id === id);
    if (!incident) return { status: 404 };
    const { note } = request.json<{ note: { content: string } }>();
    incident.notes.push(note.content);
    return { status: 201, json: { note: { id: "PNOTE01", content: note.content } } };
  }
}

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
