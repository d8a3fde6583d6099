// What the test commands print. Colours only when the output is a terminal; the last line is
// always exactly `N passed, N failed` (scripts/run-tests.mjs reads it).
import type { EventResult } from "./run-test-event";

export interface TestCommandIo {
  write(line: string): void;
  /** ANSI colours (stdout is a TTY) */
  color: boolean;
}

export type Verbosity = "quiet" | "normal" | "verbose";

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

export class TestReport {
  passed = 0;
  failed = 0;

  constructor(
    private readonly io: TestCommandIo,
    private readonly verbosity: Verbosity,
  ) {}

  private paint(text: string, style: keyof typeof CODES): string {
    return this.io.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
  }

  /** A file that could not be run: each problem names the event index. */
  badFile(file: string, errors: readonly string[]): void {
    this.failed++;
    this.io.write(this.paint(`${file}: invalid test file, not run`, "red"));
    for (const error of errors) this.io.write(`  ${error}`);
  }

  warnings(file: string, warnings: readonly string[]): void {
    if (this.verbosity === "quiet") return;
    for (const warning of warnings)
      this.io.write(this.paint(`${file}: warning: ${warning}`, "yellow"));
  }

  file(file: string, results: readonly EventResult[]): void {
    const failing = results.filter((result) => !result.passed);
    this.passed += results.length - failing.length;
    this.failed += failing.length;
    const verbose = this.verbosity === "verbose";
    const withNotes = results.filter((result) => result.notes.length > 0);
    const shown = verbose
      ? results
      : this.verbosity === "quiet"
        ? failing
        : [...new Set([...failing, ...withNotes])].sort((a, b) => a.index - b.index);
    if (shown.length === 0) return;
    const summary = `${results.length - failing.length} passed, ${failing.length} failed`;
    this.io.write(`${this.paint(file, "bold")} ${this.paint(`(${summary})`, "dim")}`);
    for (const result of shown) {
      const mark = result.passed ? this.paint("PASS", "green") : this.paint("FAIL", "red");
      this.io.write(`  ${mark} event ${result.index}: ${result.description}`);
      for (const line of result.failures) this.io.write(`      ${line}`);
      if (this.verbosity !== "quiet") {
        for (const note of result.notes) this.io.write(this.paint(`      note: ${note}`, "yellow"));
      }
    }
  }

  /** A problem with the run as a whole (config, rules, --test-files): counted as one failure. */
  fatal(message: string): void {
    this.failed++;
    this.io.write(this.paint(message, "red"));
  }

  untestedRules(heading: string, names: readonly string[]): void {
    if (this.verbosity === "quiet" || names.length === 0) return;
    this.io.write(this.paint(`${heading} (${names.length}):`, "yellow"));
    for (const name of names) this.io.write(`  ${name}`);
  }

  info(line: string): void {
    if (this.verbosity === "verbose") this.io.write(this.paint(line, "dim"));
  }

  finish(): void {
    // never coloured: tools read this line as it is
    this.io.write(`${this.passed} passed, ${this.failed} failed`);
  }
}
