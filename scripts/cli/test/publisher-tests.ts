// `publisher_tests` (SPEC §4.6): `{output: [[jmespath, "is"|"in"|"contains", value]]}` checked
// against what the alert's publishers compose for that output. StreamAlert also accepted the
// object form `{jmespath_expression, condition, value}`; both are read.

import { isDeepStrictEqual } from "node:util";
import { search } from "@aws-lambda-powertools/jmespath";
import type { JSONObject } from "@aws-lambda-powertools/jmespath/types";
import type { Alert } from "../../../functions/shared/alert";
import type { PublishedAlert } from "../../../functions/shared/rules/types";

export type PublisherCondition = "is" | "in" | "contains";

export interface PublisherAssertionSpec {
  expression: string;
  condition: PublisherCondition;
  value: unknown;
}

const CONDITIONS = new Set(["is", "in", "contains"]);

/** The assertions of one `publisher_tests` entry, or the reason it is malformed. */
export function readPublisherAssertion(entry: unknown): PublisherAssertionSpec | string {
  let expression: unknown;
  let condition: unknown;
  let value: unknown;
  if (Array.isArray(entry)) {
    if (entry.length !== 3) return `expected [jmespath, condition, value], got ${show(entry)}`;
    [expression, condition, value] = entry;
  } else if (typeof entry === "object" && entry !== null) {
    const spec = entry as Record<string, unknown>;
    expression = spec.jmespath_expression;
    condition = spec.condition;
    value = spec.value;
  } else {
    return `expected [jmespath, condition, value], got ${show(entry)}`;
  }
  if (typeof expression !== "string" || expression === "") {
    return `the JMESPath expression must be a non-empty string, got ${show(expression)}`;
  }
  if (typeof condition !== "string" || !CONDITIONS.has(condition)) {
    return `condition must be "is", "in" or "contains", got ${show(condition)}`;
  }
  return { expression, condition: condition as PublisherCondition, value };
}

/** Problems with a `publisher_tests` value, for test file validation. */
export function publisherTestsProblems(tests: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [output, entries] of Object.entries(tests)) {
    if (!Array.isArray(entries)) {
      problems.push(`publisher_tests["${output}"] must be a list of [jmespath, condition, value]`);
      continue;
    }
    entries.forEach((entry, index) => {
      const read = readPublisherAssertion(entry);
      if (typeof read === "string")
        problems.push(`publisher_tests["${output}"][${index}]: ${read}`);
    });
  }
  return problems;
}

/** Composes what an alert's publishers give one output (the alert processor's own function). */
export type ComposeForOutput = (alert: Alert, output: string) => PublishedAlert;

/**
 * Failure messages (empty when the tests hold) for one event's triggered alerts. Several alerts
 * of one event may go to the same output (a co-triggering rule): an output's assertions hold when
 * the publication of at least one of them satisfies all of them. StreamAlert checked whichever
 * alert came last, which made the outcome depend on rule order.
 */
export function checkPublisherTests(
  tests: Record<string, unknown[]>,
  alerts: readonly Alert[],
  compose: ComposeForOutput,
): string[] {
  const failures: string[] = [];
  for (const [output, entries] of Object.entries(tests)) {
    const sending = alerts.filter((alert) => alert.outputs.includes(output));
    if (sending.length === 0) {
      failures.push(`publisher_tests: no triggered alert is sent to ${output}`);
      continue;
    }
    const assertions = entries
      .map(readPublisherAssertion)
      .filter((entry): entry is PublisherAssertionSpec => typeof entry !== "string");
    const perAlert = sending.map((alert) => {
      let publication: PublishedAlert;
      try {
        publication = compose(alert, output);
      } catch (error) {
        return [`${output} (${alert.ruleName}): publishers failed: ${messageOf(error)}`];
      }
      return assertions
        .map((assertion) => checkAssertion(assertion, publication))
        .filter((failure): failure is string => failure !== undefined)
        .map((failure) => `${output} (${alert.ruleName}): ${failure}`);
    });
    if (perAlert.some((problems) => problems.length === 0)) continue;
    for (const problems of perAlert) failures.push(...problems);
  }
  return failures;
}

function checkAssertion(
  { expression, condition, value }: PublisherAssertionSpec,
  publication: PublishedAlert,
): string | undefined {
  let actual: unknown;
  try {
    actual = search(expression, publication as JSONObject);
  } catch (error) {
    return `${expression}: invalid JMESPath: ${messageOf(error)}`;
  }
  if (holds(condition, actual, value)) return undefined;
  return `${expression} ${condition} ${show(value)}: got ${show(actual)}`;
}

/** StreamAlert's semantics: `actual == value`, `actual in value`, `value in actual`. */
function holds(condition: PublisherCondition, actual: unknown, expected: unknown): boolean {
  switch (condition) {
    case "is":
      return isDeepStrictEqual(actual, expected);
    case "in":
      return contains(expected, actual);
    case "contains":
      return contains(actual, expected);
  }
}

function contains(container: unknown, item: unknown): boolean {
  if (typeof container === "string") return typeof item === "string" && container.includes(item);
  if (Array.isArray(container)) return container.some((entry) => isDeepStrictEqual(entry, item));
  if (typeof container === "object" && container !== null && typeof item === "string") {
    return Object.hasOwn(container, item);
  }
  return false;
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
