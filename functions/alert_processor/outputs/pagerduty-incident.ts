// PagerDuty REST API v2: an incident on a named service, assigned to a user or an escalation
// policy, with a priority and a note, as StreamAlert's pagerduty-incident output made it.
import { OverrideKeys } from "../publishers/override-keys";
import { isJsonObject, sortedJson } from "../publishers/tree-walk";
import { OutputConfigError, OutputError, OutputHttpError } from "./errors";
import type { HttpClient, HttpRequest } from "./http";
import { endpointFrom } from "./pagerduty";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "pagerduty-incident";

export const PAGERDUTY_REST_API_URL = "https://api.pagerduty.com";

/** PagerDuty refuses notes over 25,000 characters. */
const MAX_NOTE = 25_000;

type JsonObject = Record<string, unknown>;

interface Reference {
  id: string;
  type: string;
}

const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

const same = (a: unknown, b: string) =>
  typeof a === "string" && a.toLowerCase() === b.toLowerCase();

/** The rule's `context["pagerduty-incident"]`: assigned_user, assigned_policy, incident_priority, note. */
function ruleContext(request: DispatchRequest): JsonObject {
  const context = request.alert.context[SERVICE];
  return isJsonObject(context) ? context : {};
}

function defaultNote(request: DispatchRequest): string {
  const { alert } = request;
  const note = [
    `StreamAlert alert ${alert.alertId} from rule ${alert.ruleName}`,
    alert.ruleDescription,
    `Record:\n${sortedJson(alert.record)}`,
  ]
    .filter((part) => part !== "")
    .join("\n\n");
  return note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 20)}\n… (truncated)` : note;
}

/** One PagerDuty account reached with the output's credentials. */
class PagerDutyRestClient {
  constructor(
    private readonly http: HttpClient,
    private readonly api: string,
    private readonly token: string,
    private readonly emailFrom: string,
  ) {}

  async call(
    method: HttpRequest["method"],
    path: string,
    options: { query?: Record<string, string>; json?: unknown; from?: boolean } = {},
  ): Promise<JsonObject> {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : "";
    const headers: Record<string, string> = {
      accept: "application/vnd.pagerduty+json;version=2",
      authorization: `Token token=${this.token}`,
    };
    // PagerDuty checks that From is one of its users, so a user lookup is sent without it
    if (options.from !== false) headers.from = this.emailFrom;
    const response = await this.http.request({
      service: SERVICE,
      method,
      url: `${this.api}/${path}${query}`,
      headers,
      json: options.json,
    });
    const body = response.json();
    return isJsonObject(body) ? body : {};
  }

  /** A search (`?query=`) result: the exact (case-insensitive) match, else the only result. */
  async find(path: string, listKey: string, field: string, value: string, from = true) {
    const body = await this.call("GET", path, { query: { query: value }, from });
    const items = Array.isArray(body[listKey]) ? body[listKey].filter(isJsonObject) : [];
    const exact = items.find((item) => same(item[field], value));
    const found = exact ?? (items.length === 1 && field !== "email" ? items[0] : undefined);
    return typeof found?.id === "string" ? found.id : undefined;
  }

  async userId(email: string): Promise<string | undefined> {
    return this.find("users", "users", "email", email, false);
  }
}

/**
 * `pagerduty-incident`: checks that `email_from` is a PagerDuty user, finds the service
 * (`service_name`), the escalation policy (the rule context's `assigned_policy`, else the
 * credential `escalation_policy`) or the user to assign (context `assigned_user`, an email) and
 * the priority (context `incident_priority`, by name), creates the incident
 * (`incident_key` `<descriptor>:<alert id>`: a resend finds it again instead of opening a
 * second one) and adds a note. Override keys: `@pagerduty-incident.incident_title`, `.note`,
 * `.urgency` (high or low), `.incident_body`.
 */
export function createPagerDutyIncidentOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["token", "service_name", "escalation_policy", "email_from"],
    async dispatch(request) {
      const { alert, publication, descriptor } = request;
      const where = `${SERVICE}:${descriptor}`;
      const credentials = request.credentials ?? {};
      const token = credentials.token?.trim();
      const emailFrom = stringOf(credentials.email_from);
      const serviceName = stringOf(credentials.service_name);
      const defaultPolicy = stringOf(credentials.escalation_policy);
      if (!token || !emailFrom || !serviceName || !defaultPolicy) {
        throw new OutputConfigError(
          `${where}: credentials need token, service_name, escalation_policy and email_from`,
        );
      }
      const api = endpointFrom(
        { service: SERVICE, descriptor, key: "api" },
        credentials.api,
        PAGERDUTY_REST_API_URL,
      ).replace(/\/+$/, "");
      const client = new PagerDutyRestClient(deps.http, api, token, emailFrom);
      const context = ruleContext(request);
      const keys = OverrideKeys["pagerduty-incident"];

      if (!(await client.userId(emailFrom))) {
        throw new OutputConfigError(
          `${where}: no PagerDuty user has the email in credential email_from (${emailFrom}); ` +
            "PagerDuty requires it as the From of every change",
        );
      }
      const serviceId =
        stringOf(credentials.service_id) ??
        (await client.find("services", "services", "name", serviceName));
      if (!serviceId) {
        throw new OutputConfigError(`${where}: no PagerDuty service is named "${serviceName}"`);
      }

      const incident: JsonObject = {
        type: "incident",
        title:
          stringOf(publication[keys.incident_title]) ??
          `StreamAlert Incident - Rule triggered: ${alert.ruleName}`,
        service: { id: serviceId, type: "service_reference" } satisfies Reference,
        incident_key: `${descriptor}:${alert.alertId}`,
      };
      const body = publication[keys.incident_body];
      incident.body = isJsonObject(body)
        ? body
        : { type: "incident_body", details: stringOf(body) ?? alert.ruleDescription };
      const urgency = publication[keys.urgency];
      if (urgency === "high" || urgency === "low") incident.urgency = urgency;

      const priorityName = stringOf(context.incident_priority);
      if (priorityName) {
        const priorityId = await findPriority(client, priorityName);
        if (priorityId) incident.priority = { id: priorityId, type: "priority_reference" };
      }

      // a user named in the rule context, else its policy, else the output's default policy
      const assignee = stringOf(context.assigned_user);
      const userId = assignee ? await client.userId(assignee) : undefined;
      if (userId) {
        incident.assignments = [{ assignee: { id: userId, type: "user_reference" } }];
      } else {
        const policyId = await findPolicy(client, credentials, stringOf(context.assigned_policy));
        if (!policyId) {
          throw new OutputConfigError(
            `${where}: no PagerDuty escalation policy is named "${defaultPolicy}"`,
          );
        }
        incident.escalation_policy = { id: policyId, type: "escalation_policy_reference" };
      }

      const incidentId = await createOrFind(client, incident);
      const note =
        stringOf(publication[keys.note]) ?? stringOf(context.note) ?? defaultNote(request);
      await client.call("POST", `incidents/${encodeURIComponent(incidentId)}/notes`, {
        json: { note: { content: note.slice(0, MAX_NOTE) } },
      });
    },
  };
}

async function findPriority(client: PagerDutyRestClient, name: string) {
  try {
    const body = await client.call("GET", "priorities");
    const priorities = Array.isArray(body.priorities) ? body.priorities.filter(isJsonObject) : [];
    const found = priorities.find((priority) => same(priority.name, name));
    return typeof found?.id === "string" ? found.id : undefined;
  } catch (error) {
    // accounts without priorities answer 4xx: the incident is created without one
    if (error instanceof OutputHttpError && !error.retryable) return undefined;
    throw error;
  }
}

async function findPolicy(
  client: PagerDutyRestClient,
  credentials: Record<string, string>,
  assigned: string | undefined,
) {
  if (assigned) {
    const id = await client.find("escalation_policies", "escalation_policies", "name", assigned);
    if (id) return id;
  }
  return (
    stringOf(credentials.escalation_policy_id) ??
    client.find(
      "escalation_policies",
      "escalation_policies",
      "name",
      credentials.escalation_policy.trim(),
    )
  );
}

/**
 * Creates the incident; when PagerDuty refuses it because an open incident has the same
 * incident_key (an earlier try of this alert got that far), continues with that incident.
 */
async function createOrFind(client: PagerDutyRestClient, incident: JsonObject): Promise<string> {
  try {
    const created = await client.call("POST", "incidents", { json: { incident } });
    const id = isJsonObject(created.incident) ? created.incident.id : undefined;
    if (typeof id === "string") return id;
    throw new OutputError(`${SERVICE}: PagerDuty answered the new incident without an id`);
  } catch (error) {
    if (!(error instanceof OutputHttpError) || error.status !== 400) throw error;
    const key = String(incident.incident_key);
    const found = await client.call("GET", "incidents", { query: { incident_key: key } });
    const existing = Array.isArray(found.incidents) ? found.incidents.filter(isJsonObject) : [];
    const id = existing[0]?.id;
    if (typeof id === "string") return id;
    throw error;
  }
}
