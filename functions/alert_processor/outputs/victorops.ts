// VictorOps (Splunk On-Call) REST endpoint integration: one CRITICAL alert per StreamAlert alert.
import { isJsonObject, sortedJson } from "../publishers/tree-walk";
import { OutputConfigError, OutputError } from "./errors";
import type { HttpClient } from "./http";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "victorops";

/** Keeps the alert readable in VictorOps' timeline; the record also goes whole in `record`. */
const MAX_STATE_MESSAGE = 10_000;

type JsonObject = Record<string, unknown>;

/**
 * The alert body: `message_type` CRITICAL, `entity_id` `streamalert/<descriptor>/<alert id>`
 * (VictorOps folds repeated CRITICALs of one entity into its open incident, so a resend pages
 * once), the rule name as display name, the rule description and record as the state message,
 * and the publication's record (a publisher may reshape it) in `record`. No override keys:
 * publishers shape the publication's `record`.
 */
export function victorOpsAlert(request: DispatchRequest): JsonObject {
  const { alert, publication, descriptor } = request;
  const record = Object.hasOwn(publication, "record") ? publication.record : alert.record;
  let stateMessage = [alert.ruleDescription, sortedJson(record)]
    .filter((part) => part !== "")
    .join("\n\n");
  if (stateMessage.length > MAX_STATE_MESSAGE) {
    stateMessage = `${stateMessage.slice(0, MAX_STATE_MESSAGE - 20)}\n… (truncated)`;
  }
  return {
    message_type: "CRITICAL",
    entity_id: `streamalert/${descriptor}/${alert.alertId}`,
    entity_display_name: alert.title || alert.ruleName,
    state_message: stateMessage,
    state_start_time: Math.floor(alert.created.getTime() / 1000),
    monitoring_tool: "StreamAlert",
    rule_name: alert.ruleName,
    alert_id: alert.alertId,
    record,
  };
}

/**
 * The endpoint: `url` as stored; with a `routing_key` credential (StreamAlert's form, `url`
 * ending in the API key) the routing key is appended as the last path segment.
 */
function endpoint(credentials: Record<string, string>, descriptor: string): string {
  const base = credentials.url?.trim() ?? "";
  if (!/^https?:\/\/[^/\s]+\/\S*$/i.test(base)) {
    throw new OutputConfigError(
      `${SERVICE}:${descriptor}: credential "url" is not an http(s) URL; store the REST ` +
        "endpoint URL (https://alert.victorops.com/integrations/generic/20131114/alert/<api key>" +
        `[/<routing key>]) with \`streamalert output set victorops --descriptor ${descriptor} --update\``,
    );
  }
  const routingKey = credentials.routing_key?.trim();
  if (!routingKey) return base;
  return `${base.replace(/\/+$/, "")}/${encodeURIComponent(routingKey)}`;
}

/**
 * `victorops`: POSTs the alert to the REST endpoint. Credentials: `url` (the endpoint with the
 * API key, and the routing key unless given as `routing_key`); optional `victorops_api_id` and
 * `victorops_api_key` are sent as X-VO-Api-Id / X-VO-Api-Key, as StreamAlert did.
 */
export function createVictorOpsOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url"],
    async dispatch(request) {
      const credentials = request.credentials ?? {};
      const url = endpoint(credentials, request.descriptor);
      const headers: Record<string, string> = { accept: "application/json" };
      const secrets = [credentials.routing_key, credentials.victorops_api_key].filter(
        (value): value is string => typeof value === "string" && value !== "",
      );
      if (credentials.victorops_api_id) headers["x-vo-api-id"] = credentials.victorops_api_id;
      if (credentials.victorops_api_key) headers["x-vo-api-key"] = credentials.victorops_api_key;
      const response = await deps.http.request({
        service: SERVICE,
        url,
        headers,
        json: victorOpsAlert(request),
        secrets,
      });
      // the endpoint can answer 200 with {"result":"failure","message":...}
      const body = response.json();
      if (isJsonObject(body) && body.result === "failure") {
        let message = typeof body.message === "string" ? body.message.slice(0, 300) : "";
        // the API key and routing key are in the URL: never repeat them
        for (const secret of [url, new URL(url).pathname, ...secrets, ...url.split("/").slice(3)]) {
          if (secret.length >= 6) message = message.split(secret).join("***");
        }
        throw new OutputError(`${SERVICE}:${request.descriptor}: alert refused: ${message}`, {
          retryable: false,
        });
      }
    },
  };
}
