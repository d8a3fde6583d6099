// findJsonBlob finds what StreamAlert's json_regex_key pattern finds, in linear time.
import { findJsonBlob } from "../../../functions/classifier/parsers/json-blob";

// StreamAlert's pattern, with Python's `.` (anything but "\n"): the reference for small inputs
const PYTHON_PATTERN = /\{[^\n]+[:,][^\n]+\}|\[[^\n]+[,:][^\n]+\]/;

function reference(text: string): string | undefined {
  return PYTHON_PATTERN.exec(text)?.[0];
}

describe("findJsonBlob", () => {
  it.each([
    'prefix {"a": 1} suffix',
    'two {"a": 1} and {"b": 2} blobs',
    "a list [1, 2, 3] here",
    '[ first then {"a": 1}',
    "{no separator}",
    "{:}",
    "{a:}",
    "{a:b}",
    '{"a": 1\n} split across lines',
    'line one\nline {"b": 2} two',
    "{ { { a: b",
    "}{ reversed ]: [",
    "",
  ])("%j", (text) => {
    expect(findJsonBlob(text)).toBe(reference(text));
  });

  it("agrees with the pattern on many generated strings", () => {
    const alphabet = ["{", "}", "[", "]", ":", ",", "a", "\n", " "];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 5000; n++) {
      let text = "";
      const length = next() % 14;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect([text, findJsonBlob(text)]).toEqual([text, reference(text)]);
    }
  });

  it("stays fast on a long line of unmatched braces", () => {
    const text = "{".repeat(2_000_000);
    const started = Date.now();
    expect(findJsonBlob(text)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
