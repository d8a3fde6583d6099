// PagerDuty Events API v1 (generic events): one trigger event per alert.
import { OverrideKeys } from "../publishers/override-keys";
import { isJsonObject } from "../publishers/tree-walk";
import { OutputConfigError } from "./errors";
import type { HttpClient } from "./http";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "pagerduty";

export const PAGERDUTY_EVENTS_V1_URL =
  "https://events.pagerduty.com/generic/2010-04-15/create_event.json";

/** PagerDuty cuts descriptions at 1024 characters; cutting here keeps the event valid. */
const MAX_DESCRIPTION = 1024;

type JsonObject = Record<string, unknown>;

/** Only the two context kinds Events v1 knows, with the fields it reads. */
function validContexts(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isJsonObject).flatMap((context): JsonObject[] => {
    if (context.type === "link" && typeof context.href === "string") {
      const text = typeof context.text === "string" ? context.text : context.href;
      return [{ type: "link", href: context.href, text }];
    }
    if (context.type === "image" && typeof context.src === "string") {
      const image: JsonObject = { type: "image", src: context.src };
      if (typeof context.href === "string") image.href = context.href;
      if (typeof context.alt === "string") image.alt = context.alt;
      return [image];
    }
    return [];
  });
}

/** An http(s) URL from the credentials, or the default; never echoes the value in errors. */
export function endpointFrom(
  request: { service: string; descriptor: string; key: string },
  value: string | undefined,
  fallback: string,
): string {
  const { service, descriptor, key } = request;
  const url = value?.trim() || fallback;
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/i.test(url)) {
    throw new OutputConfigError(
      `${service}:${descriptor}: credential "${key}" is not an http(s) URL; remove it to use ` +
        `${fallback}, or store a valid one with \`streamalert output set ${service} --descriptor ${descriptor} --update\``,
    );
  }
  return url;
}

/**
 * The trigger event: description `StreamAlert Rule Triggered - <rule>`, details = rule
 * description and record, client `streamalert`, and `incident_key` `<descriptor>:<alert id>` so a
 * repeated send joins the incident it opened. Override keys: `@pagerduty.description`,
 * `.details`, `.client_url`, `.contexts` (links and images).
 */
export function pagerDutyV1Event(request: DispatchRequest, serviceKey: string): JsonObject {
  const { alert, publication, descriptor } = request;
  const keys = OverrideKeys.pagerduty;
  const description =
    typeof publication[keys.description] === "string"
      ? (publication[keys.description] as string)
      : `StreamAlert Rule Triggered - ${alert.ruleName}`;
  const details = Object.hasOwn(publication, keys.details)
    ? publication[keys.details]
    : { description: alert.ruleDescription, record: alert.record };
  const clientUrl = publication[keys.client_url];
  return {
    service_key: serviceKey,
    event_type: "trigger",
    incident_key: `${descriptor}:${alert.alertId}`,
    description: description.slice(0, MAX_DESCRIPTION),
    details,
    client: "streamalert",
    client_url: typeof clientUrl === "string" ? clientUrl : "",
    contexts: validContexts(publication[keys.contexts]),
  };
}

/**
 * `pagerduty`: Events API v1. Credentials: `service_key` (the integration key) and, optionally,
 * `url` (another events endpoint, default PagerDuty's).
 */
export function createPagerDutyOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["service_key"],
    async dispatch(request) {
      const credentials = request.credentials ?? {};
      const serviceKey = credentials.service_key?.trim();
      if (!serviceKey) {
        throw new OutputConfigError(
          `${SERVICE}:${request.descriptor}: no "service_key" credential`,
        );
      }
      const url = endpointFrom(
        { service: SERVICE, descriptor: request.descriptor, key: "url" },
        credentials.url,
        PAGERDUTY_EVENTS_V1_URL,
      );
      await deps.http.request({
        service: SERVICE,
        url,
        headers: { accept: "application/json" },
        json: pagerDutyV1Event(request, serviceKey),
        secrets: [serviceKey],
      });
    },
  };
}
