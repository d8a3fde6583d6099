// A CSV reader with the semantics of Python's csv.reader as StreamAlert configured it
// (doublequote on, strict off, lines split at "\n"): a small state machine, much faster than a
// general-purpose CSV library on the one-line texts the classifier sees.

export interface CsvDialect {
  delimiter: string;
  quote: string;
  /** undefined: no escape character (Python's default) */
  escape?: string;
}

enum State {
  StartRecord,
  StartField,
  EscapedChar,
  AfterEscapedNewline,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatNewline,
}

/**
 * The rows of `text`. Like Python, a malformed row (a line break inside an unquoted field)
 * ends reading; the rows before it are kept. An unterminated quote runs to the end of the text.
 */
export function readCsvRows(text: string, dialect: CsvDialect): string[][] {
  const { delimiter, quote } = dialect;
  const escapeChar = dialect.escape ?? "";
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let state = State.StartRecord;

  const endOfLine = (): void => {
    // what Python does when a line ends (its "EOL" pseudo character)
    switch (state) {
      case State.StartRecord:
        rows.push(fields);
        fields = [];
        return;
      case State.StartField:
      case State.InField:
      case State.QuoteInQuotedField:
        fields.push(field);
        field = "";
        rows.push(fields);
        fields = [];
        state = State.StartRecord;
        return;
      case State.EatNewline:
        rows.push(fields);
        fields = [];
        state = State.StartRecord;
        return;
      case State.EscapedChar:
        field += "\n";
        state = State.InField;
        return;
      case State.EscapeInQuotedField:
        field += "\n";
        state = State.InQuotedField;
        return;
      default:
        return; // a quoted field (or an escaped line break) continues on the next line
    }
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const newline = c === "\n" || c === "\r";
    // a record starts with a field, or is an empty line
    if (state === State.StartRecord) state = newline ? State.EatNewline : State.StartField;
    switch (state) {
      case State.StartField:
        if (newline) {
          fields.push(field);
          field = "";
          state = State.EatNewline;
        } else if (c === quote) state = State.InQuotedField;
        else if (c === escapeChar) state = State.EscapedChar;
        else if (c === delimiter) fields.push("");
        else {
          field += c;
          state = State.InField;
        }
        break;
      case State.EscapedChar:
        field += c;
        state = newline ? State.AfterEscapedNewline : State.InField;
        break;
      case State.AfterEscapedNewline:
      case State.InField:
        if (newline) {
          fields.push(field);
          field = "";
          state = State.EatNewline;
        } else if (c === escapeChar) state = State.EscapedChar;
        else if (c === delimiter) {
          fields.push(field);
          field = "";
          state = State.StartField;
        } else {
          // copy the run of ordinary characters at once
          let end = i + 1;
          while (end < text.length) {
            const next = text[end];
            if (next === delimiter || next === escapeChar || next === "\n" || next === "\r") break;
            end++;
          }
          field += text.slice(i, end);
          i = end - 1;
        }
        break;
      case State.InQuotedField:
        if (c === escapeChar) state = State.EscapeInQuotedField;
        else if (c === quote) state = State.QuoteInQuotedField;
        else {
          let end = i + 1;
          while (end < text.length) {
            const next = text[end];
            if (next === quote || next === escapeChar || next === "\n") break;
            end++;
          }
          field += text.slice(i, end);
          i = end - 1;
        }
        break;
      case State.EscapeInQuotedField:
        field += c;
        state = State.InQuotedField;
        break;
      case State.QuoteInQuotedField:
        if (c === quote) {
          field += c; // a doubled quote
          state = State.InQuotedField;
        } else if (c === delimiter) {
          fields.push(field);
          field = "";
          state = State.StartField;
        } else if (newline) {
          fields.push(field);
          field = "";
          state = State.EatNewline;
        } else {
          field += c; // not strict: text after a closing quote is kept
          state = State.InField;
        }
        break;
      case State.EatNewline:
        if (!newline) return rows; // "new-line character seen in unquoted field"
        break;
    }
    if (c === "\n") endOfLine();
  }
  if (text.length > 0 && text[text.length - 1] !== "\n") endOfLine();
  // end of data inside a quoted field: Python (not strict) keeps what it has
  if (state === State.InQuotedField || state === State.EscapeInQuotedField || field !== "") {
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

const NO_CHARACTER = -1;

function codeOf(character: string | undefined): number {
  return character !== undefined && character.length === 1 ? character.charCodeAt(0) : NO_CHARACTER;
}

/**
 * The fields of a one-line text in the common shape, read in one pass: unquoted fields, and
 * quoted fields that close right before a delimiter or the end. Anything else (a line break, an
 * escape character, a doubled quote, text after a closing quote, an unclosed quote, a dialect of
 * more than one character per role or one character in two roles) gives undefined, for
 * readCsvRows, whose result is the same on every text this one reads (tests compare the two on
 * generated texts).
 */
export function readSimpleCsvLine(text: string, dialect: CsvDialect): string[] | undefined {
  const delimiter = codeOf(dialect.delimiter);
  const quote = codeOf(dialect.quote);
  const escapeCode = dialect.escape === undefined ? NO_CHARACTER : codeOf(dialect.escape);
  if (delimiter === NO_CHARACTER || quote === NO_CHARACTER || delimiter === quote) return undefined;
  if (dialect.escape !== undefined) {
    if (escapeCode === NO_CHARACTER || escapeCode === quote || escapeCode === delimiter)
      return undefined;
  }
  const length = text.length;
  if (length === 0) return undefined;
  const fields: string[] = [];
  let start = 0;
  for (;;) {
    let end = start;
    if (text.charCodeAt(start) === quote) {
      end = start + 1;
      for (; end < length; end++) {
        const code = text.charCodeAt(end);
        if (code === quote) break;
        if (code === escapeCode || code === 0x0a || code === 0x0d) return undefined;
      }
      if (end === length) return undefined; // not closed
      fields.push(text.slice(start + 1, end));
      end++; // past the closing quote
      if (end < length && text.charCodeAt(end) !== delimiter) return undefined;
    } else {
      for (; end < length; end++) {
        const code = text.charCodeAt(end);
        if (code === delimiter) break;
        if (code === escapeCode || code === 0x0a || code === 0x0d) return undefined;
      }
      fields.push(text.slice(start, end));
    }
    if (end === length) return fields;
    start = end + 1; // past the delimiter
    if (start === length) {
      fields.push(""); // a delimiter at the end: one more, empty field
      return fields;
    }
  }
}
