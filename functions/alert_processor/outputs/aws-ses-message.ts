// The raw MIME message aws-ses sends: multipart/mixed with the text body first (plain, or
// multipart/alternative for plain + html), then each attachment in base64. Lines end in CRLF and
// every header value is kept on one logical line, so no alert text can inject headers.
import { randomUUID } from "node:crypto";

export interface EmailAttachment {
  filename: string;
  content: string;
  /** @default "application/json" for .json, "text/plain" for .txt/.csv/.log, else octet-stream */
  contentType?: string;
}

export interface EmailMessage {
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  /** text, or MIME subtype → text (`{plain: "...", html: "<p>...</p>"}`) as StreamAlert allowed */
  body: string | Readonly<Record<string, string>>;
  attachments?: readonly EmailAttachment[];
  /** injectable for tests */
  date?: Date;
  boundary?: () => string;
}

const CRLF = "\r\n";

/** Header values are single-line: CR, LF and other controls become spaces. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

const isPlainAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 encoded words of at most 45 UTF-8 bytes each (75 characters encoded), folded. */
export function encodeHeaderText(text: string): string {
  const value = oneLine(text);
  if (isPlainAscii(value) && value.length <= 78) return value;
  const words: string[] = [];
  let chunk = "";
  for (const character of value) {
    if (Buffer.byteLength(chunk + character, "utf8") > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words
    .map((word) => `=?UTF-8?B?${Buffer.from(word, "utf8").toString("base64")}?=`)
    .join(`${CRLF} `);
}

/** `filename="x.json"`, or RFC 2231's `filename*=UTF-8''...` for any other name. */
function filenameParameter(name: string, parameter: "filename" | "name"): string {
  const value = oneLine(name);
  if (isPlainAscii(value) && !/["\\]/.test(value)) return `${parameter}="${value}"`;
  return `${parameter}*=UTF-8''${encodeURIComponent(value)}`;
}

function base64Lines(content: string): string {
  const encoded = Buffer.from(content, "utf8").toString("base64");
  return (encoded.match(/.{1,76}/g) ?? []).join(CRLF);
}

export function attachmentContentType(filename: string): string {
  const extension = filename.toLowerCase().split(".").pop();
  if (extension === "json") return "application/json";
  if (extension === "txt" || extension === "csv" || extension === "log") {
    return "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}

function textPart(subtype: string, text: string): string {
  return [
    `Content-Type: text/${oneLine(subtype)}; charset=utf-8`,
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(text),
  ].join(CRLF);
}

function multipart(subtype: string, boundary: string, parts: string[]): string {
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    "",
    ...parts.map((part) => `--${boundary}${CRLF}${part}`),
    `--${boundary}--`,
    "",
  ].join(CRLF);
}

function bodyPart(body: EmailMessage["body"], boundary: () => string): string {
  if (typeof body === "string") return textPart("plain", body);
  // plain before html: mail clients show the last alternative they can render
  const subtypes = Object.keys(body).sort((a, b) => Number(b === "plain") - Number(a === "plain"));
  return multipart(
    "alternative",
    boundary(),
    subtypes.map((subtype) => textPart(subtype, body[subtype])),
  );
}

function attachmentPart(attachment: EmailAttachment): string {
  const type = attachment.contentType ?? attachmentContentType(attachment.filename);
  return [
    `Content-Type: ${type}; ${filenameParameter(attachment.filename, "name")}`,
    `Content-Disposition: attachment; ${filenameParameter(attachment.filename, "filename")}`,
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(attachment.content),
  ].join(CRLF);
}

/** The whole message, headers and body, as SES SendRawEmail takes it. */
export function buildRawEmail(message: EmailMessage): string {
  const boundary = message.boundary ?? (() => `=_streamalert_${randomUUID()}`);
  const headers = [
    `From: ${oneLine(message.from)}`,
    `To: ${message.to.map(oneLine).join(", ")}`,
    ...(message.cc && message.cc.length > 0 ? [`Cc: ${message.cc.map(oneLine).join(", ")}`] : []),
    `Subject: ${encodeHeaderText(message.subject)}`,
    `Date: ${(message.date ?? new Date()).toUTCString()}`,
    "MIME-Version: 1.0",
  ];
  const parts = [
    bodyPart(message.body, boundary),
    ...(message.attachments ?? []).map(attachmentPart),
  ];
  return `${headers.join(CRLF)}${CRLF}${multipart("mixed", boundary(), parts)}`;
}
