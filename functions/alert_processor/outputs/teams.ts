// Microsoft Teams: a connector card (MessageCard) posted to an incoming webhook.
import { OverrideKeys } from "../publishers/override-keys";
import { isJsonObject } from "../publishers/tree-walk";
import { credentialUrl } from "./credential-url";
import { OutputError } from "./errors";
import type { HttpClient } from "./http";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "teams";

/** Teams refuses connector cards over 28 KB; this leaves room for headers and encoding. */
export const TEAMS_CARD_MAX_BYTES = 27_000;
/** StreamAlert's card colour (red) */
const DEFAULT_COLOR = "E81123";
const ELLIPSIS = " …";

type JsonObject = Record<string, unknown>;

interface Fact {
  name: string;
  value: string;
}

const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

const factValue = (value: unknown): string =>
  typeof value === "string" ? value : (JSON.stringify(value) ?? "null");

/** `@teams.buttons`: `{name|text, url|uri}` each, as OpenUri actions. */
function buttonActions(value: unknown): JsonObject[] {
  const buttons = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return buttons.filter(isJsonObject).flatMap((button) => {
    const uri = stringOf(button.url) ?? stringOf(button.uri);
    if (!uri) return [];
    const name = stringOf(button.name) ?? stringOf(button.text) ?? uri;
    return [{ "@type": "OpenUri", name, targets: [{ os: "default", uri }] }];
  });
}

/** The record section's facts cut to share what is left of the card's size limit. */
function fitFacts(facts: Fact[], room: number): Fact[] {
  const total = facts.reduce((sum, fact) => sum + Buffer.byteLength(fact.value), 0);
  if (total <= room) return facts;
  const each = Math.max(40, Math.floor(room / Math.max(1, facts.length)));
  return facts.map((fact) => {
    if (Buffer.byteLength(fact.value) <= each) return fact;
    // cut by characters, then trim until the bytes fit (multi-byte text)
    let value = fact.value.slice(0, each);
    while (Buffer.byteLength(value) + ELLIPSIS.length > each) value = value.slice(0, -16);
    return { name: fact.name, value: `${value}${ELLIPSIS}` };
  });
}

/**
 * The MessageCard: title `StreamAlert Rule Triggered: <rule>`, the rule description as text, the
 * record's top-level keys as facts (values over the size limit shortened), then the
 * publishers' extra sections and buttons. Override keys: `@teams.title`, `.description`,
 * `.card_color`, `.with_record` (false drops the record), `.additional_card_sections`
 * (MessageCard section objects), `.buttons`.
 */
export function teamsCard(request: DispatchRequest): JsonObject {
  const { alert, publication } = request;
  const keys = OverrideKeys.teams;
  const title =
    stringOf(publication[keys.title]) ?? `StreamAlert Rule Triggered: ${alert.ruleName}`;
  const description = stringOf(publication[keys.description]) ?? alert.ruleDescription;
  const color = (stringOf(publication[keys.card_color]) ?? DEFAULT_COLOR).replace(/^#/, "");
  const withRecord = publication[keys.with_record] !== false;
  const extra = publication[keys.additional_card_sections];
  const extraSections = (Array.isArray(extra) ? extra : extra === undefined ? [] : [extra]).filter(
    isJsonObject,
  );

  const card: JsonObject = {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    // Teams needs a summary (shown in notifications) when a card has text
    summary: title,
    title,
    themeColor: color,
  };
  if (description) card.text = description;
  const sections: JsonObject[] = [...extraSections];
  card.sections = sections;
  const actions = buttonActions(publication[keys.buttons]);
  if (actions.length > 0) card.potentialAction = actions;
  if (withRecord) {
    const facts = Object.entries(alert.record).map(([name, value]) => ({
      name,
      value: factValue(value),
    }));
    const room = TEAMS_CARD_MAX_BYTES - Buffer.byteLength(JSON.stringify(card)) - 200;
    const section = {
      activityTitle: "StreamAlert Alert Record",
      facts: fitFacts(facts, room - facts.length * 40),
    };
    sections.unshift(section);
  }
  if (sections.length === 0) delete card.sections;
  return card;
}

/**
 * Old connector webhooks answer HTTP 200 with the text "1" on success and 200 with an error
 * text when Teams refused the card; Workflows webhooks answer 202 and no text.
 */
function checkTeamsAnswer(status: number, text: string, descriptor: string): void {
  const body = text.trim();
  if (status !== 200 || body === "" || body === "1") return;
  const embedded = /HTTP error (\d{3})/i.exec(body);
  const code = embedded ? Number(embedded[1]) : undefined;
  if (code === undefined && !/error|fail/i.test(body)) return;
  throw new OutputError(`${SERVICE}:${descriptor}: Teams refused the card: ${body.slice(0, 300)}`, {
    retryable: code === undefined || code === 429 || code >= 500,
  });
}

/** `teams`: posts the connector card to the webhook in the credential `url` (the URL is secret). */
export function createTeamsOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url"],
    async dispatch(request) {
      const url = credentialUrl(
        SERVICE,
        request.credentials ?? {},
        "the incoming webhook URL",
        request.descriptor,
      );
      const response = await deps.http.request({
        service: SERVICE,
        url,
        json: teamsCard(request),
        secrets: [url],
      });
      checkTeamsAnswer(response.status, response.text, request.descriptor);
    },
  };
}
