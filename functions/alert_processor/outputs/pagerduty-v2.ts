// PagerDuty Events API v2: one trigger event per alert, deduplicated per output and alert.
import type { Severity } from "../../shared/rules/types";
import { OverrideKeys } from "../publishers/override-keys";
import { isJsonObject } from "../publishers/tree-walk";
import { OutputConfigError } from "./errors";
import type { HttpClient } from "./http";
import { endpointFrom } from "./pagerduty";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "pagerduty-v2";

export const PAGERDUTY_EVENTS_V2_URL = "https://events.pagerduty.com/v2/enqueue";

/** The severities Events v2 accepts; anything else is refused with HTTP 400. */
const SEVERITIES = ["critical", "error", "warning", "info"] as const;
type PagerDutySeverity = (typeof SEVERITIES)[number];
/** PagerDuty's limit on payload.summary */
const MAX_SUMMARY = 1024;

/** Keys StreamAlert's Events v2 output also read (beyond those in OverrideKeys). */
const MORE_KEYS = {
  client_url: "@pagerduty-v2.client_url",
  links: "@pagerduty-v2.links",
  component: "@pagerduty-v2.component",
  group: "@pagerduty-v2.group",
  class: "@pagerduty-v2.class",
} as const;

type JsonObject = Record<string, unknown>;

const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** The rule's own severity (rule metadata) in PagerDuty's terms, when no publisher set one. */
const RULE_SEVERITIES: Readonly<Record<Severity, PagerDutySeverity>> = {
  critical: "critical",
  high: "error",
  medium: "warning",
  low: "warning",
  info: "info",
};

/** The override when PagerDuty accepts it, else the rule's severity, else StreamAlert's critical. */
function severityOf(override: unknown, ruleSeverity: Severity | undefined): PagerDutySeverity {
  const name = typeof override === "string" ? override.trim().toLowerCase() : "";
  if ((SEVERITIES as readonly string[]).includes(name)) return name as PagerDutySeverity;
  return ruleSeverity ? (RULE_SEVERITIES[ruleSeverity] ?? "critical") : "critical";
}

function images(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isJsonObject)
    .filter((image) => typeof image.src === "string")
    .map((image) => ({
      src: image.src,
      href: stringOf(image.href) ?? "",
      alt: stringOf(image.alt) ?? "",
    }));
}

function links(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isJsonObject)
    .filter((link) => typeof link.href === "string")
    .map((link) => ({ href: link.href, text: stringOf(link.text) ?? link.href }));
}

/**
 * The Events v2 trigger, as StreamAlert built it: summary `StreamAlert Rule Triggered - <rule>`,
 * source = the log source, severity `critical` (or the rule's severity: high → error, medium and
 * low → warning, info → info), custom details = rule description and record,
 * client `StreamAlert`; `dedup_key` `<descriptor>:<alert id>`, so a resend (a retry, or the same
 * alert dispatched again) joins the alert it opened instead of paging twice. Override keys
 * `@pagerduty-v2.`: `summary`, `custom_details`, `severity` (critical, error, warning, info; set
 * by the urgency layouts), `images`, `links`, `client_url`, `component`, `group`, `class`.
 */
export function pagerDutyV2Event(
  request: DispatchRequest,
  routingKey: string,
  options: { withRecord?: boolean } = {},
): JsonObject {
  const { alert, publication, descriptor } = request;
  const keys = OverrideKeys["pagerduty-v2"];
  const summary =
    stringOf(publication[keys.summary]) ?? `StreamAlert Rule Triggered - ${alert.ruleName}`;
  const defaultDetails: JsonObject = { description: alert.ruleDescription };
  if (options.withRecord !== false) defaultDetails.record = alert.record;
  const payload: JsonObject = {
    summary: summary.slice(0, MAX_SUMMARY),
    source: alert.logSource || "streamalert",
    severity: severityOf(publication[keys.severity], alert.severity),
    custom_details: Object.hasOwn(publication, keys.custom_details)
      ? publication[keys.custom_details]
      : defaultDetails,
  };
  for (const field of ["component", "group", "class"] as const) {
    const value = stringOf(publication[MORE_KEYS[field]]);
    if (value) payload[field] = value;
  }
  const event: JsonObject = {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: `${descriptor}:${alert.alertId}`,
    payload,
    client: "StreamAlert",
    images: images(publication[keys.images]),
    links: links(publication[MORE_KEYS.links]),
  };
  const clientUrl = stringOf(publication[MORE_KEYS.client_url]);
  if (clientUrl) event.client_url = clientUrl;
  return event;
}

/**
 * `pagerduty-v2`: Events API v2. Credentials: `routing_key` (the integration key) and,
 * optionally, `url` (another enqueue endpoint, default PagerDuty's).
 */
export function createPagerDutyV2Output(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["routing_key"],
    async dispatch(request) {
      const credentials = request.credentials ?? {};
      const routingKey = credentials.routing_key?.trim();
      if (!routingKey) {
        throw new OutputConfigError(
          `${SERVICE}:${request.descriptor}: no "routing_key" credential`,
        );
      }
      const url = endpointFrom(
        { service: SERVICE, descriptor: request.descriptor, key: "url" },
        credentials.url,
        PAGERDUTY_EVENTS_V2_URL,
      );
      await deps.http.request({
        service: SERVICE,
        url,
        headers: { accept: "application/json" },
        json: pagerDutyV2Event(request, routingKey),
        secrets: [routingKey],
      });
    },
  };
}
