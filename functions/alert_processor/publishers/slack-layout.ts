// StreamAlert's Slack layouts (publishers/community/slack/slack_layout.py): chain them as
// [Summary, AttachRuleInfo, AttachPublication, AttachFullRecord] for a rich Slack message.
import { parseAlertTime } from "../../shared/alert";
import type { PublishedAlert, PublisherFunction } from "../../shared/rules/types";
import { OverrideKeys, SLACK_PREVIOUS_PUBLICATION } from "./override-keys";
import { presentRuleDescription } from "./rule-description";
import { renderTemplate } from "./string-template";
import { escapeHtml, isJsonObject, sortedJson } from "./tree-walk";

const RAUSCH = "#ff5a5f";
const BABU = "#00d1c1";
const LIMA = "#8ce071";
const HACKBERRY = "#7b0051";
const BEACH = "#ffb400";

const ATTACHMENTS = OverrideKeys.slack.attachments;
/** Slack renders at most this many characters of one attachment's text. */
const MAX_ATTACHMENT_TEXT = 4000;
/** room for the code fence around each chunk */
const FENCE_PADDING = 10;

type Attachment = Record<string, unknown>;

function attachments(publication: PublishedAlert): Attachment[] {
  const existing = publication[ATTACHMENTS];
  const list = Array.isArray(existing) ? (existing as Attachment[]) : [];
  publication[ATTACHMENTS] = list;
  return list;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

export interface SlackSummaryOptions {
  /** link the rule title to a code search in this repository, e.g. "https://github.com/acme/alerts" */
  repositoryUrl?: string;
  /** folder of the rules in that repository; default "rules" */
  rulesPath?: string;
}

/**
 * A Summary publisher: replaces the publication with a Slack message naming the rule, its
 * author and description, and keeps the replaced publication for AttachPublication.
 */
export function slackSummary(options: SlackSummaryOptions = {}): PublisherFunction {
  return function Summary(alert, publication) {
    const ruleName = text(alert.rule_name);
    const presentation = presentRuleDescription(text(alert.rule_description));
    const created = text(alert.created);
    let titleLink = "";
    if (options.repositoryUrl) {
      const query = new URLSearchParams({ q: `${ruleName} path:${options.rulesPath ?? "rules"}` });
      titleLink = `${options.repositoryUrl}/search?${query.toString()}`;
    }
    return {
      [OverrideKeys.slack.text]: "Rule triggered",
      [ATTACHMENTS]: [
        {
          fallback: `Rule triggered: ${ruleName}`,
          color: RAUSCH,
          author_name: presentation.author,
          author_link: "",
          author_icon: "",
          title: ruleName,
          title_link: titleLink,
          text: escapeHtml(presentation.description),
          image_url: "",
          thumb_url: "",
          footer: "",
          footer_icon: "",
          ts: created ? Math.floor(parseAlertTime(created).getTime() / 1000) : "",
          mrkdwn_in: [],
        },
      ],
      [SLACK_PREVIOUS_PUBLICATION]: publication,
    };
  };
}

/** StreamAlert's `Summary`, without a repository link. */
export const Summary: PublisherFunction = slackSummary();

/**
 * Adds an attachment with the description's fields (reference, playbook, ...), not its author
 * or text, plus the rule's severity and runbook when the description does not name them.
 */
export function AttachRuleInfo(alert: PublishedAlert, publication: PublishedAlert): PublishedAlert {
  const { fields } = presentRuleDescription(text(alert.rule_description));
  if (alert.severity !== undefined && fields.severity === undefined) {
    fields.severity = String(alert.severity);
  }
  if (alert.runbook !== undefined && fields.runbook === undefined) {
    fields.runbook = String(alert.runbook);
  }
  attachments(publication).push({
    color: LIMA,
    fields: Object.entries(fields).map(([key, value]) => ({ title: capitalize(key), value })),
  });
  return publication;
}

// Python's str.capitalize: first character upper case, the rest lower case.
function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Attaches the publication Summary replaced, as pretty JSON; only after Summary. */
export function AttachPublication(
  _alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  if (!(SLACK_PREVIOUS_PUBLICATION in publication) || !(ATTACHMENTS in publication)) {
    return publication;
  }
  const block = `\`\`\`\n${sortedJson(publication[SLACK_PREVIOUS_PUBLICATION])}\n\`\`\``;
  attachments(publication).push({
    color: BABU,
    title: "Alert Data:",
    text: escapeHtml(block),
    mrkdwn_in: ["text"],
  });
  return publication;
}

/**
 * Attaches the rule context's `slack_message_template`, rendered Python-format style with the
 * publication's fields (the one Summary replaced, when Summary ran first).
 */
export function AttachStringTemplate(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const context = isJsonObject(alert.context) ? alert.context : {};
  const template =
    typeof context.slack_message_template === "string"
      ? context.slack_message_template
      : "[MISSING TEMPLATE]";
  const previous = publication[SLACK_PREVIOUS_PUBLICATION];
  const values = isJsonObject(previous) ? previous : publication;
  attachments(publication).push({
    color: BEACH,
    text: escapeHtml(renderTemplate(template, values)),
  });
  return publication;
}

/**
 * Attaches the whole record as pretty JSON, cut on line boundaries into as many attachments as
 * Slack's per-attachment limit needs; the first names the source, the last the alert id.
 */
export function AttachFullRecord(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const list = attachments(publication);
  const lines = escapeHtml(sortedJson(alert.record ?? {})).split("\n");
  const limit = MAX_ATTACHMENT_TEXT - FENCE_PADDING;
  const chunks: string[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + line.length > limit) {
      chunks.push(current);
      current = "";
    }
    current += `\n${line}`;
  }
  if (current) chunks.push(current);
  const service = text(alert.source_service);
  chunks.forEach((chunk, index) => {
    const first = index === 0;
    const last = index === chunks.length - 1;
    list.push({
      color: HACKBERRY,
      author: first ? text(alert.source_entity) : "",
      title: first ? "Record" : "",
      text: `\`\`\`\n${chunk}\n\`\`\``,
      fields: last ? [{ title: "Alert Id", value: alert.id }] : [],
      footer: last ? `via <https://console.aws.amazon.com/${service}/home|${service}>` : "",
      footer_icon: "",
      mrkdwn_in: ["text"],
    });
  });
  return publication;
}
