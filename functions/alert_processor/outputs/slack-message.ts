// The Slack messages for one alert: StreamAlert's layout (a header line, the rule description and
// the record as mrkdwn in attachments) or the publishers' `@slack.text` / `@slack.attachments`,
// then packed into as few webhook posts as Slack's size limits allow, in reading order.
import { OverrideKeys } from "../publishers/override-keys";
import { escapeHtml, isJsonObject } from "../publishers/tree-walk";
import { mrkdwnLines, splitKeepingFence, splitOnLines } from "./slack-text";
import type { DispatchRequest } from "./types";

/** Slack's limits this output keeps every post within. */
export const SLACK_LIMITS = {
  /**
   * characters of one attachment's text: Slack's guidance for a message and StreamAlert's
   * MAX_MESSAGE_SIZE; longer attachment texts are cut or hidden by Slack
   */
  attachmentText: 4000,
  /** characters of a post's own text; Slack splits longer texts into messages by itself */
  messageText: 4000,
  /** attachments in one post: Slack's recommended maximum (and StreamAlert's) */
  attachmentsPerMessage: 20,
  /** characters of one post's JSON, under the 40,000 at which Slack truncates a message */
  messageChars: 38_000,
} as const;

/** Room left in each post for its text, whatever the header's length. */
const HEADER_ALLOWANCE = 600;
/** StreamAlert's attachment colour for the record (firebrick) */
const RECORD_COLOR = "#b22222";

export type SlackAttachment = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  mrkdwn: true;
  attachments: SlackAttachment[];
}

const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/** StreamAlert's default attachments: the rule description, then the record in parts. */
function defaultAttachments(request: DispatchRequest, fallback: string): SlackAttachment[] {
  const { alert } = request;
  const recordText = escapeHtml(mrkdwnLines(alert.record).join("\n"));
  const parts = splitOnLines(recordText, SLACK_LIMITS.attachmentText);
  return parts.map((text, index) => ({
    fallback,
    color: RECORD_COLOR,
    pretext: index === 0 ? `*Rule Description:*\n${escapeHtml(alert.ruleDescription)}\n` : "",
    title: parts.length > 1 ? `Record (Part ${index + 1} of ${parts.length}):` : "Record:",
    text,
    mrkdwn_in: ["text", "pretext"],
  }));
}

/**
 * A publisher's attachments as given (publishers escape their own text), except that a text over
 * Slack's limit continues in further attachments of the same colour instead of being cut.
 */
function customAttachments(value: unknown, fallback: string): SlackAttachment[] {
  const given = Array.isArray(value) ? value.filter(isJsonObject) : [];
  return given.flatMap((attachment) => {
    const text = stringOf(attachment.text);
    if (text === undefined || text.length <= SLACK_LIMITS.attachmentText) return [attachment];
    const [first, ...rest] = splitKeepingFence(text, SLACK_LIMITS.attachmentText);
    return [
      { ...attachment, text: first },
      ...rest.map((piece) => ({
        fallback: stringOf(attachment.fallback) ?? fallback,
        color: attachment.color ?? RECORD_COLOR,
        text: piece,
        mrkdwn_in: ["text"],
      })),
    ];
  });
}

const jsonLength = (value: unknown) => JSON.stringify(value).length;

/**
 * The posts for this alert, in order. The first carries the header (`@slack.text`, default
 * `*StreamAlert Rule Triggered: <rule>*`); a header over the text limit is split on its lines
 * into posts of its own first. Attachments (`@slack.attachments`, default the description and
 * the record) fill each post up to 20 attachments and ~38,000 characters; later posts say
 * which part of the alert they continue.
 */
export function slackMessages(request: DispatchRequest): SlackMessage[] {
  const { alert, publication } = request;
  const keys = OverrideKeys.slack;
  const defaultHeader =
    `*StreamAlert Rule Triggered: ${alert.ruleName}*` +
    (alert.title && alert.title !== alert.ruleName ? `\n${escapeHtml(alert.title)}` : "");
  const header = stringOf(publication[keys.text]) ?? defaultHeader;
  const headerLine = (header.split("\n").find((line) => line.trim() !== "") ?? alert.ruleName)
    .trim()
    .slice(0, 300);
  const attachments = Object.hasOwn(publication, keys.attachments)
    ? customAttachments(publication[keys.attachments], headerLine)
    : defaultAttachments(request, headerLine);

  const headerParts = splitOnLines(header, SLACK_LIMITS.messageText);
  const messages: SlackMessage[] = headerParts.map((text) => ({
    text,
    mrkdwn: true,
    attachments: [],
  }));
  let current = messages[messages.length - 1];
  let size = jsonLength(current);
  const budget = SLACK_LIMITS.messageChars - HEADER_ALLOWANCE;
  for (const attachment of attachments) {
    const length = jsonLength(attachment) + 1;
    const full =
      current.attachments.length >= SLACK_LIMITS.attachmentsPerMessage ||
      (current.attachments.length > 0 && size + length > budget);
    if (full) {
      current = { text: "", mrkdwn: true, attachments: [] };
      messages.push(current);
      size = jsonLength(current);
    }
    current.attachments.push(attachment);
    size += length;
  }
  // continuation posts name the alert and their place, so a reader can tell they belong together
  const total = messages.length;
  messages.forEach((message, index) => {
    if (index >= headerParts.length) {
      message.text = `${headerLine} (continued, part ${index + 1} of ${total})`;
    }
  });
  return messages;
}
