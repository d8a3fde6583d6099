// Finds the JSON blob StreamAlert's json_regex_key pattern `{.+[:,].+}|\[.+[,:].+\]` finds, in
// linear time: that pattern backtracks quadratically on a long line of unmatched braces, which
// a hostile or broken 50 MB record must not turn into a stuck classifier.
//
// What the pattern matches (Python `.` = anything but "\n", greedy, leftmost start): from the
// first "{" (or "[") whose line holds a later "}" (or "]") with a ":" or "," at least one
// character away from both ends, up to the LAST such closing character on that line.

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const COLON = 0x3a;
const COMMA = 0x2c;

function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON || code === COMMA) return i;
  }
  return Number.POSITIVE_INFINITY;
}

export function findJsonBlob(text: string): string | undefined {
  let lineEnd = -1;
  let lastBrace = -1;
  let lastBracket = -1;
  let separator = -1; // the first ":" or "," at or after the current start + 2
  for (let start = 0; start < text.length; start++) {
    const code = text.charCodeAt(start);
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) continue;
    if (start > lineEnd) {
      lineEnd = text.indexOf("\n", start);
      if (lineEnd === -1) lineEnd = text.length;
      lastBrace = text.lastIndexOf("}", lineEnd - 1);
      lastBracket = text.lastIndexOf("]", lineEnd - 1);
    }
    const close = code === OPEN_BRACE ? lastBrace : lastBracket;
    if (close < start + 4) continue;
    if (separator < start + 2) separator = nextSeparator(text, start + 2);
    if (separator <= close - 2) return text.slice(start, close + 1);
  }
  return undefined;
}
