// Demisto (Cortex XSOAR): one incident per alert through POST /incident with the API key.
import { OverrideKeys, withoutOverrideKeys } from "../publishers/override-keys";
import { credentialUrl, loadedCredentials } from "./credential-url";
import type { HttpClient } from "./http";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "demisto";

/** Demisto's numeric severities, by the names rules and publishers use. */
const SEVERITIES: Readonly<Record<string, number>> = {
  unknown: 0,
  info: 0.5,
  informational: 0.5,
  low: 1,
  med: 2,
  medium: 2,
  high: 3,
  critical: 4,
};

export interface DemistoLabel {
  type: string;
  value: string;
}

/** A severity name (any case) or Demisto number; anything else is "unknown" (0). */
export function demistoSeverity(value: unknown): number {
  if (typeof value === "number" && Object.values(SEVERITIES).includes(value)) return value;
  if (typeof value !== "string") return 0;
  return SEVERITIES[value.trim().toLowerCase()] ?? 0;
}

/**
 * Nested data as Demisto labels, which take strings only: one label per leaf, named by its path
 * (`record.user`, `record.tags[0]`), sorted by name.
 */
export function demistoLabels(data: unknown): DemistoLabel[] {
  const labels: DemistoLabel[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, `${path}[${index}]`);
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    } else {
      labels.push({
        type: path || "value",
        value: typeof value === "string" ? value : String(value),
      });
    }
  };
  walk(data, "");
  return labels.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

function text(value: unknown, fallback: string): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fallback;
}

/** The create-incident body, with the `@demisto.*` overrides applied. */
export function demistoIncident(request: DispatchRequest): Record<string, unknown> {
  const { alert, publication } = request;
  const keys = OverrideKeys.demisto;
  const labelData = Object.hasOwn(publication, keys.label_data)
    ? publication[keys.label_data]
    : withoutOverrideKeys(publication);
  return {
    name: text(publication[keys.incident_name], alert.title || alert.ruleName),
    type: text(publication[keys.incident_type], "Unclassified"),
    severity: demistoSeverity(publication[keys.severity] ?? alert.severity ?? "unknown"),
    owner: text(publication[keys.owner], "StreamAlert"),
    labels: demistoLabels(labelData),
    details: text(publication[keys.details], alert.ruleDescription || alert.ruleName),
    customFields: {},
    // runs the incident type's playbook at once, as StreamAlert did
    createInvestigation: true,
  };
}

/**
 * `demisto`: creates an incident (name = rule title or name, details = rule description,
 * labels = the publication flattened). Override keys: `@demisto.incident_type`, `.severity`,
 * `.owner`, `.details`, `.incident_name`, `.label_data`.
 */
export function createDemistoOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url", "token"],
    async dispatch(request) {
      const credentials = loadedCredentials(SERVICE, request);
      const url = credentialUrl(SERVICE, credentials, "the server's base URL (https://<host>)");
      await deps.http.request({
        service: SERVICE,
        url: `${url.replace(/\/+$/, "")}/incident`,
        headers: { authorization: credentials.token, accept: "application/json" },
        json: demistoIncident(request),
      });
    },
  };
}
