/** Where and why a JSON text is invalid; 1-based line and column. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

// JSON.parse does not always say where it failed (V8 often quotes the text instead), so on
// failure this small scanner walks the text again to find the first offending character.
class JsonScanner {
  private index = 0;
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
    while (/[ \t\n\r]/.test(this.text[this.index] ?? "")) this.index++;
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
    for (;;) {
      this.whitespace();
      if (this.text[this.index] !== '"') this.fail("expected a double-quoted property name");
      this.string();
      this.whitespace();
      if (this.text[this.index] !== ":") this.fail("expected ':' after the property name");
      this.index++;
      this.value();
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
    for (;;) {
      this.value();
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

/** Parses JSON text (a leading byte-order mark is allowed); on failure says where and why. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (parseError) {
    try {
      new JsonScanner(body).scan();
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
}
