// Phantom (Splunk SOAR): one container per rule, one artifact per alert, through its REST API.
import { withoutOverrideKeys } from "../publishers/override-keys";
import { credentialUrl, loadedCredentials } from "./credential-url";
import { OutputError, OutputHttpError } from "./errors";
import type { HttpClient, HttpRequest } from "./http";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "phantom";

interface PhantomSite {
  baseUrl: string;
  token: string;
}

function call(site: PhantomSite, request: Omit<HttpRequest, "service" | "headers">): HttpRequest {
  return {
    ...request,
    service: SERVICE,
    headers: { "ph-auth-token": site.token, accept: "application/json" },
  };
}

function positiveId(value: unknown): number | undefined {
  const id = typeof value === "string" ? Number(value) : value;
  return typeof id === "number" && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** The id of the container named after the rule, created (with the rule description) if none. */
async function containerFor(
  http: HttpClient,
  site: PhantomSite,
  request: DispatchRequest,
): Promise<number> {
  const name = request.alert.ruleName;
  // filter values are literals in Phantom's query syntax: a JSON string is one
  const query = new URLSearchParams({ _filter_name: JSON.stringify(name), page_size: "1" });
  const found = await http.request(
    call(site, { method: "GET", url: `${site.baseUrl}/rest/container?${query}` }),
  );
  const page = found.json() as { count?: unknown; data?: Array<{ id?: unknown }> } | undefined;
  const existing = Array.isArray(page?.data) ? positiveId(page.data[0]?.id) : undefined;
  if (existing !== undefined) return existing;

  const created = await http.request(
    call(site, {
      url: `${site.baseUrl}/rest/container`,
      json: { name, description: request.alert.ruleDescription || name },
    }),
  );
  const id = positiveId((created.json() as { id?: unknown } | undefined)?.id);
  if (id === undefined) {
    throw new OutputError(`${SERVICE}: the container was created but its id was not returned`);
  }
  return id;
}

/** Phantom's answer when the artifact (same source_data_identifier) is already there. */
function isExistingArtifact(body: unknown): boolean {
  return (
    positiveId((body as { existing_artifact_id?: unknown } | undefined)?.existing_artifact_id) !==
    undefined
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `phantom`: finds the container named after the rule (or creates it), then adds an artifact
 * with the record as CEF and the publication as data. The artifact's source_data_identifier is
 * the alert id, so a retried alert is not added twice. No override keys.
 */
export function createPhantomOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url", "ph_auth_token"],
    async dispatch(request) {
      const credentials = loadedCredentials(SERVICE, request);
      const url = credentialUrl(SERVICE, credentials, "the server's base URL (https://<host>)");
      const site: PhantomSite = {
        baseUrl: url.replace(/\/+$/, ""),
        token: credentials.ph_auth_token,
      };
      const containerId = await containerFor(deps.http, site, request);
      const artifact = {
        container_id: containerId,
        name: request.alert.title || request.alert.ruleName,
        label: "alert",
        source_data_identifier: request.alert.alertId,
        cef: request.alert.record,
        data: withoutOverrideKeys(request.publication),
      };
      try {
        const response = await deps.http.request(
          call(site, { url: `${site.baseUrl}/rest/artifact`, json: artifact }),
        );
        const body = response.json() as { failed?: unknown } | undefined;
        if (body?.failed === true && !isExistingArtifact(body)) {
          throw new OutputError(
            `${SERVICE}: the artifact was refused: ${response.text.slice(0, 300)}`,
          );
        }
      } catch (error) {
        if (error instanceof OutputHttpError && isExistingArtifact(parse(error.body))) return;
        throw error;
      }
    },
  };
}
