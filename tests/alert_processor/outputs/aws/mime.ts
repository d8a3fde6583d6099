// A small MIME reader for the tests, written apart from the output's builder so that a test
// reads the message the way a mail client would: headers unfolded, parts split on the declared
// boundary, bodies decoded by their transfer encoding.

export interface MimePart {
  headers: Record<string, string>;
  /** the media type, lower case, without parameters */
  type: string;
  parameters: Record<string, string>;
  /** decoded body (leaf parts) */
  body: Buffer;
  parts: MimePart[];
}

function parseParameters(value: string): { type: string; parameters: Record<string, string> } {
  const [type, ...rest] = value.split(";");
  const parameters: Record<string, string> = {};
  for (const item of rest) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    parameters[item.slice(0, eq).trim().toLowerCase()] = item
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
  }
  return { type: type.trim().toLowerCase(), parameters };
}

/** RFC 2047 `=?UTF-8?B?...?=` words, joined as a reader sees them. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_match, data: string) =>
      Buffer.from(data, "base64").toString("utf8"),
    );
}

export function parseMime(raw: string): MimePart {
  const split = raw.indexOf("\r\n\r\n");
  if (split < 0) throw new Error("no blank line after the headers");
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]/g, " ");
  const bodyText = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new Error(`bad header line: ${line}`);
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const { type, parameters } = parseParameters(headers["content-type"] ?? "text/plain");
  if (type.startsWith("multipart/")) {
    const delimiter = `--${parameters.boundary}`;
    const sections = bodyText.split(`\r\n${delimiter}`);
    // the first section holds the preamble and the first delimiter line
    const first = sections[0].slice(sections[0].indexOf(delimiter) + delimiter.length);
    const all = [first, ...sections.slice(1)];
    const closing = all.findIndex((section) => section.startsWith("--"));
    if (closing < 0) throw new Error("multipart without its closing delimiter");
    const parts = all.slice(0, closing).map((section) => parseMime(section.replace(/^\r\n/, "")));
    return { headers, type, parameters, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const body =
    encoding === "base64"
      ? Buffer.from(bodyText.replace(/\s+/g, ""), "base64")
      : Buffer.from(bodyText, "utf8");
  return { headers, type, parameters, body, parts: [] };
}
