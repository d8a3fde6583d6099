// StreamAlert rule descriptions are loosely structured text, one `field: value` per line:
//   author: Derek
//   reference: https://example.com/a/very/long/url
//              ?continued=on+the+next+line
// Text before the first field is the description. Layout publishers show these parts.

/** Up to 20 letters, digits, `-_&` or spaces before a colon; never a URL scheme. */
const FIELD_LINE = /^(?!https?:)([a-zA-Z\d\-_&\s]{0,20}):(.*)$/;
/** A line continuing a URL is glued to it without a space. */
const URL_TEXT = /^(?:https?:\/\/)?[\w.-]+(?:\.[\w.-]+)[\w\-._~:/?#[\]@!$&'()*+,;=.]+$/;

export interface RuleDescriptionParts {
  author: string;
  description: string;
  /** every other field, lower-case name → text */
  fields: Record<string, string>;
}

/** The lines of each field of a description; the text before any field is `description`. */
export function parseRuleDescription(text: string | undefined): Record<string, string[]> {
  const lines = (text ?? "")
    .trim()
    .split("\n")
    .map((line) => line.trim());
  const fields: Record<string, string[]> = {};
  let current = "description";
  for (const line of lines) {
    fields[current] ??= [];
    if (!line) {
      fields[current].push("");
      continue;
    }
    const match = FIELD_LINE.exec(line);
    let value = line;
    if (match) {
      current = match[1].trim().toLowerCase();
      value = match[2].trim();
    }
    fields[current] ??= [];
    fields[current].push(value);
  }
  return fields;
}

/**
 * Joins one field's lines: single line breaks become spaces, blank lines are kept as line
 * breaks, and a line that continues a URL is appended without a space.
 */
function joinLines(lines: readonly string[]): string {
  let document: string | undefined;
  let pendingBreaks = "";
  for (const line of lines) {
    if (!line) {
      pendingBreaks += "\n";
      continue;
    }
    if (document === undefined) {
      pendingBreaks = "";
      document = line;
    } else if (URL_TEXT.test(document + line)) {
      document += line;
    } else {
      document += (pendingBreaks || " ") + line;
      pendingBreaks = "";
    }
  }
  return document ?? "";
}

/** Author (`author` or `maintainer`), description and the remaining fields, joined. */
export function presentRuleDescription(text: string | undefined): RuleDescriptionParts {
  const parts: RuleDescriptionParts = { author: "", description: "", fields: {} };
  for (const [key, lines] of Object.entries(parseRuleDescription(text))) {
    if (key === "author" || key === "maintainer") parts.author = joinLines(lines);
    else if (key === "description") parts.description = joinLines(lines);
    else parts.fields[key] = joinLines(lines);
  }
  return parts;
}
