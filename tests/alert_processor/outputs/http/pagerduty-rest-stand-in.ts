// The PagerDuty REST API v2 as far as the pagerduty-incident output uses it: users, services,
// escalation policies, priorities and incidents with notes, kept in memory, with PagerDuty's
// checks (token, Accept, From) and its refusal of a second open incident with the same key.
import type { Answer, SeenRequest } from "../local-server";

export const TOKEN = "y_NbAkKc66ryYTWUXYEu";
export const FROM = "soc@example.com";

export interface Incident {
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
export class PagerDutyStandIn {
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
