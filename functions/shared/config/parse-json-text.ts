import type { PathSegment } from "./issue-log";

/** Where and why a JSON text is invalid; 1-based line and column. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

/** A key written twice in one object: JSON.parse silently keeps the last value. */
export interface JsonDuplicateKey {
  /** path of the repeated key, e.g. ["data_sources", "kinesis", "acme_prod_streamalert"] */
  path: PathSegment[];
  line: number;
  column: number;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

// JSON.parse does not always say where it failed (V8 often quotes the text instead), and says
// nothing about repeated keys; this small scanner walks the text to find both.
class JsonScanner {
  private index = 0;
  private readonly path: PathSegment[] = [];
  readonly duplicates: { offset: number; path: PathSegment[] }[] = [];
  constructor(private readonly text: string) {}

  scan(): void {
    this.value();
    this.whitespace();
    if (this.index < this.text.length) this.fail("unexpected text after the end of the JSON value");
  }

  private fail(reason: string): never {
    throw new SyntaxAt(this.index, reason);
  }

  private failAt(offset: number, reason: string): never {
    throw new SyntaxAt(offset, reason);
  }

  private whitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.index);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return;
      this.index++;
    }
  }

  private value(): void {
    this.whitespace();
    const char = this.text[this.index];
    if (char === undefined) this.fail("unexpected end of file: expected a value");
    if (char === "{") this.object();
    else if (char === "[") this.array();
    else if (char === '"') this.string();
    else if (char === "-" || (char >= "0" && char <= "9")) this.number();
    else this.literal(char);
  }

  private literal(char: string): void {
    for (const literal of ["true", "false", "null"]) {
      if (this.text.startsWith(literal, this.index)) {
        this.index += literal.length;
        return;
      }
    }
    this.fail(`unexpected ${JSON.stringify(char)}: expected a value`);
  }

  private object(): void {
    this.index++;
    this.whitespace();
    if (this.text[this.index] === "}") {
      this.index++;
      return;
    }
    const seen = new Set<string>();
    for (;;) {
      this.whitespace();
      if (this.text[this.index] !== '"') this.fail("expected a double-quoted property name");
      const keyStart = this.index;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.index)) as string;
      if (seen.has(key)) this.duplicates.push({ offset: keyStart, path: [...this.path, key] });
      seen.add(key);
      this.whitespace();
      if (this.text[this.index] !== ":") this.fail("expected ':' after the property name");
      this.index++;
      this.path.push(key);
      this.value();
      this.path.pop();
      this.whitespace();
      const next = this.text[this.index];
      this.index++;
      if (next === "}") return;
      if (next !== ",") {
        this.index--;
        this.fail(
          next === undefined
            ? "unexpected end of file: expected ',' or '}'"
            : "expected ',' or '}'",
        );
      }
      const comma = this.index - 1;
      this.whitespace();
      if (this.text[this.index] === "}") this.failAt(comma, "trailing comma before '}'");
    }
  }

  private array(): void {
    this.index++;
    this.whitespace();
    if (this.text[this.index] === "]") {
      this.index++;
      return;
    }
    for (let position = 0; ; position++) {
      this.path.push(position);
      this.value();
      this.path.pop();
      this.whitespace();
      const next = this.text[this.index];
      this.index++;
      if (next === "]") return;
      if (next !== ",") {
        this.index--;
        this.fail(
          next === undefined
            ? "unexpected end of file: expected ',' or ']'"
            : "expected ',' or ']'",
        );
      }
      const comma = this.index - 1;
      this.whitespace();
      if (this.text[this.index] === "]") this.failAt(comma, "trailing comma before ']'");
    }
  }

  private string(): void {
    this.index++;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.fail("unexpected end of file inside a string");
      if (char === '"') {
        this.index++;
        return;
      }
      if (char < " ") this.fail("control character inside a string (use \\n, \\t, ...)");
      if (char === "\\") {
        const escaped = this.text[this.index + 1] ?? "";
        if (
          escaped === "u" &&
          /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))
        )
          this.index += 6;
        else if ('"\\/bfnrt'.includes(escaped) && escaped !== "") this.index += 2;
        else this.fail("invalid escape sequence in a string");
      } else this.index++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index));
    if (!match) this.fail("invalid number");
    this.index += match[0].length;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

export type JsonTextResult =
  | { ok: true; value: unknown; duplicateKeys: JsonDuplicateKey[] }
  | { ok: false; problem: JsonSyntaxProblem };

/**
 * Parses JSON text (a leading byte-order mark is allowed). On failure says where and why; on
 * success also lists keys written twice in one object.
 */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scanner = new JsonScanner(body);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (parseError) {
    try {
      scanner.scan();
    } catch (error) {
      if (error instanceof SyntaxAt) {
        return {
          ok: false,
          problem: { ...lineAndColumn(body, error.offset), reason: error.reason },
        };
      }
    }
    // The scanner found nothing (or overflowed on absurd nesting): fall back to V8's reason.
    return { ok: false, problem: { line: 1, column: 1, reason: (parseError as Error).message } };
  }
  try {
    scanner.scan();
  } catch {
    // JSON.parse accepted the text, so only absurd nesting can stop the scanner: no duplicates known.
  }
  const duplicateKeys = scanner.duplicates.map(({ offset, path }) => ({
    path,
    ...lineAndColumn(body, offset),
  }));
  return { ok: true, value, duplicateKeys };
}
