import { closestMatch, describeValue, listChoices } from "./describe-value";
import type { FileIssues, JsonPath } from "./issue-log";

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Presence {
  /** report a missing key as an error */
  required?: boolean;
}
interface IntegerRule extends Presence {
  min?: number;
  max?: number;
}
interface StringRule extends Presence {
  pattern?: RegExp;
  /** what the pattern allows, in words: "a 12-digit AWS account ID" */
  expected?: string;
}
interface ListRule extends Presence {
  nonEmpty?: boolean;
}

function integerExpectation({ min, max }: IntegerRule): string {
  if (min !== undefined && max !== undefined) return `an integer from ${min} to ${max}`;
  if (min === 1) return "a positive integer";
  if (min === 0) return "a non-negative integer";
  if (min !== undefined) return `an integer of at least ${min}`;
  if (max !== undefined) return `an integer of at most ${max}`;
  return "an integer";
}

/**
 * Reads typed fields out of one JSON object, reporting every wrong or missing value against its
 * exact path. Each getter returns the value when it is valid and `undefined` otherwise, so a
 * validator keeps going and finds every problem in one pass.
 */
export class ObjectReader {
  constructor(
    readonly issues: FileIssues,
    readonly path: JsonPath,
    readonly value: JsonObject,
  ) {}

  /** Wraps `value` when it is an object; otherwise reports it and returns undefined. */
  static of(issues: FileIssues, path: JsonPath, value: unknown): ObjectReader | undefined {
    if (isJsonObject(value)) return new ObjectReader(issues, path, value);
    issues.error(path, `expected an object, got ${describeValue(value)}`);
    return undefined;
  }

  at(key: string): JsonPath {
    return [...this.path, key];
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.value);
  }

  /** Reports a bad value of `key`. */
  fail(key: string, expected: string): undefined {
    const value = this.value[key];
    const message =
      value === undefined
        ? `is required: expected ${expected}`
        : `expected ${expected}, got ${describeValue(value)}`;
    this.issues.error(this.at(key), message);
    return undefined;
  }

  private absent(key: string, expected: string, rule: Presence): boolean {
    if (this.value[key] !== undefined) return false;
    if (rule.required) this.fail(key, expected);
    return true;
  }

  object(key: string, rule: Presence = {}): ObjectReader | undefined {
    if (this.absent(key, "an object", rule)) return undefined;
    const value = this.value[key];
    return isJsonObject(value)
      ? new ObjectReader(this.issues, this.at(key), value)
      : this.fail(key, "an object");
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    const expected = rule.expected ?? "a non-empty string";
    if (this.absent(key, expected, rule)) return undefined;
    const value = this.value[key];
    if (typeof value !== "string" || value === "") return this.fail(key, expected);
    if (rule.pattern && !rule.pattern.test(value)) return this.fail(key, expected);
    return value;
  }

  oneOf<T extends string>(key: string, choices: readonly T[], rule: Presence = {}): T | undefined {
    const expected = `one of ${listChoices(choices)}`;
    if (this.absent(key, expected, rule)) return undefined;
    const value = this.value[key];
    return choices.includes(value as T) ? (value as T) : this.fail(key, expected);
  }

  integer(key: string, rule: IntegerRule = {}): number | undefined {
    const expected = integerExpectation(rule);
    if (this.absent(key, expected, rule)) return undefined;
    const value = this.value[key];
    const fits =
      typeof value === "number" &&
      Number.isInteger(value) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.max === undefined || value <= rule.max);
    return fits ? (value as number) : this.fail(key, expected);
  }

  number(key: string, rule: IntegerRule = {}): number | undefined {
    const expected = rule.min === 0 ? "a non-negative number" : "a number";
    if (this.absent(key, expected, rule)) return undefined;
    const value = this.value[key];
    const fits =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (rule.min === undefined || value >= rule.min);
    return fits ? (value as number) : this.fail(key, expected);
  }

  boolean(key: string, rule: Presence = {}): boolean | undefined {
    if (this.absent(key, "true or false", rule)) return undefined;
    const value = this.value[key];
    return typeof value === "boolean" ? value : this.fail(key, "true or false");
  }

  /** A list of strings; each bad element is reported at its own index. */
  stringList(key: string, rule: ListRule & StringRule = {}): string[] | undefined {
    const itemExpected = rule.expected ?? "a non-empty string";
    const expected = `a list of strings${rule.nonEmpty ? " with at least one entry" : ""}`;
    if (this.absent(key, expected, rule)) return undefined;
    const value = this.value[key];
    if (!Array.isArray(value) || (rule.nonEmpty && value.length === 0))
      return this.fail(key, expected);
    let valid = true;
    value.forEach((item, index) => {
      if (typeof item === "string" && item !== "" && (!rule.pattern || rule.pattern.test(item)))
        return;
      valid = false;
      this.issues.error(
        [...this.at(key), index],
        `expected ${itemExpected}, got ${describeValue(item)}`,
      );
    });
    return valid ? (value as string[]) : undefined;
  }

  /** Warns about every key not in `known`, suggesting the closest known key for a typo. */
  warnUnknownKeys(known: readonly string[], what = "key"): void {
    for (const key of this.keys()) {
      if (known.includes(key)) continue;
      this.issues.warn(this.at(key), unknownKeyMessage(key, known, what));
    }
  }
}

export function unknownKeyMessage(key: string, known: readonly string[], what = "key"): string {
  const suggestion = closestMatch(key, known);
  const hint = suggestion
    ? ` (did you mean ${JSON.stringify(suggestion)}?)`
    : known.length > 0 && known.length <= 12
      ? ` (known: ${known.join(", ")})`
      : "";
  return `unknown ${what} ${JSON.stringify(key)} is ignored${hint}`;
}
