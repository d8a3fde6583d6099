// Text helpers for the Slack output: the record as Slack mrkdwn lines (StreamAlert's layout) and
// splitting long text into pieces on line boundaries, so a long record becomes a few readable
// parts instead of being cut mid-line or sent one character at a time.

const TAB = "\t";

function scalarText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "null";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const isNonEmptyContainer = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === "object" && value !== null && Object.keys(value).length > 0;

/** `*label:* value` when the value fits on the line, else the label then the value's lines. */
function labelled(label: string, value: unknown, indent: number): string[] {
  const prefix = TAB.repeat(indent);
  if (isNonEmptyContainer(value)) return [`${prefix}${label}`, ...mrkdwnLines(value, indent + 1)];
  return [`${prefix}${label} ${scalarText(value)}`];
}

/**
 * A JSON value as human-readable Slack mrkdwn lines, as StreamAlert's Slack output laid records
 * out: object keys sorted and bold (`*key:* value`), list items numbered from 1 (`*[1]* value`),
 * nested values on the following lines indented by one tab per level.
 */
export function mrkdwnLines(value: unknown, indent = 0): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => labelled(`*[${index + 1}]*`, item, indent));
  }
  if (typeof value === "object" && value !== null) {
    return Object.keys(value)
      .sort()
      .flatMap((key) => labelled(`*${key}:*`, (value as Record<string, unknown>)[key], indent));
  }
  return [`${TAB.repeat(indent)}${scalarText(value)}`];
}

/** Where to cut `text` at most `limit` characters in, when no line break or space is found. */
function hardCut(text: string, limit: number): number {
  let cut = limit;
  // never split a surrogate pair (an emoji) or an HTML entity Slack needs whole (`&amp;`)
  const code = text.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp > 0 && amp > cut - 6 && text.indexOf(";", amp) >= cut) cut = amp;
  return cut;
}

/**
 * `text` in pieces of at most `limit` characters, cut at the last line break that fits (the
 * break itself dropped), else at the last space in its second half, else as late as possible. Joining the pieces
 * with "\n" gives the text back when every cut fell on a line break.
 */
export function splitOnLines(text: string, limit: number): string[] {
  if (limit < 1) throw new RangeError(`limit must be at least 1, not ${limit}`);
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf("\n", limit);
    let separator = 1;
    if (cut <= 0) {
      // a space only when it leaves a fair piece: "*key:*" alone is no use to a reader
      cut = rest.lastIndexOf(" ", limit);
      if (cut < limit / 2) {
        cut = hardCut(rest, limit);
        separator = 0;
      }
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut + separator);
  }
  if (rest !== "" || pieces.length === 0) pieces.push(rest);
  return pieces;
}

const FENCE = "```";

/**
 * Like splitOnLines, but a text wrapped in a code fence (as the Slack layout publishers attach
 * records) is split inside the fence and each piece fenced again, so every part renders as code.
 */
export function splitKeepingFence(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const fenced = text.startsWith(FENCE) && text.endsWith(FENCE) && text.length > 2 * FENCE.length;
  if (!fenced) return splitOnLines(text, limit);
  const inner = text.slice(FENCE.length, -FENCE.length).replace(/^\n/, "").replace(/\n$/, "");
  const padding = 2 * (FENCE.length + 1);
  return splitOnLines(inner, Math.max(1, limit - padding)).map(
    (piece) => `${FENCE}\n${piece}\n${FENCE}`,
  );
}
