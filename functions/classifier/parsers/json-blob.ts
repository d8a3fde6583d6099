// Finds the JSON blob StreamAlert's json_regex_key pattern `{.+[:,].+}|\[.+[,:].+\]` finds, in
// linear time: that pattern backtracks quadratically on a long line of unmatched braces, which
// a hostile or broken 50 MB record must not turn into a stuck classifier.
//
// What the pattern matches (Python `.` = anything but "\n", greedy, leftmost start): from the
// first "{" (or "[") whose line holds a later "}" (or "]") with a ":" or "," at least one
// character away from both ends, up to the LAST such closing character on that line.

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON || code === COMMA) return i;
  }
  return Number.POSITIVE_INFINITY;
}

/** The last index of `code` in text[from, end), or -1. */
function lastIndexOfCode(text: string, code: number, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Unknown yet: each closing character is looked for once per line, and only when needed. */
const UNKNOWN = -2;

export function findJsonBlob(text: string): string | undefined {
  let lineStart = 0;
  let lineEnd = -1;
  let lastBrace = UNKNOWN;
  let lastBracket = UNKNOWN;
  let separator = -1; // the first ":" or "," at or after the current start + 2
  for (let start = 0; start < text.length; start++) {
    const code = text.charCodeAt(start);
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) continue;
    if (start > lineEnd) {
      lineStart = start;
      lineEnd = text.indexOf("\n", start);
      if (lineEnd === -1) lineEnd = text.length;
      lastBrace = UNKNOWN;
      lastBracket = UNKNOWN;
    }
    // a backwards scan from the line's end: the closing character is mostly the last one
    let close: number;
    if (code === OPEN_BRACE) {
      if (lastBrace === UNKNOWN) lastBrace = lastIndexOfCode(text, CLOSE_BRACE, lineStart, lineEnd);
      close = lastBrace;
    } else {
      if (lastBracket === UNKNOWN)
        lastBracket = lastIndexOfCode(text, CLOSE_BRACKET, lineStart, lineEnd);
      close = lastBracket;
    }
    if (close < start + 4) continue;
    if (separator < start + 2) separator = nextSeparator(text, start + 2);
    if (separator <= close - 2) return text.slice(start, close + 1);
  }
  return undefined;
}
