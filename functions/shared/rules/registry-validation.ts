import { OUTPUT_PATTERN } from "../alert/outputs";
import type { MatcherFunction, Rule } from "./types";

const SEVERITIES = new Set(["info", "low", "medium", "high", "critical"]);

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === "string" && entry.length > 0);

/** Problems with one rule's options, as messages that say what is allowed. */
export function validateRule(
  rule: Rule,
  matchers: ReadonlyMap<string, MatcherFunction>,
  knownOutputs?: Record<string, Record<string, string> | string[]>,
): string[] {
  const problems: string[] = [];
  if (typeof rule.fn !== "function") problems.push("the rule must wrap a function");

  const hasLogs = rule.logs !== undefined && rule.logs.length > 0;
  const hasDatatypes = rule.datatypes !== undefined && rule.datatypes.length > 0;
  if (!hasLogs && !hasDatatypes) {
    problems.push("needs `logs` (log types) or `datatypes` (normalized types), got neither");
  }
  if (rule.logs !== undefined && !isStringList(rule.logs)) {
    problems.push(`logs: expected a list of log types, got ${JSON.stringify(rule.logs)}`);
  }
  if (rule.datatypes !== undefined && !isStringList(rule.datatypes)) {
    problems.push(`datatypes: expected a list of names, got ${JSON.stringify(rule.datatypes)}`);
  }

  for (const entry of rule.matchers ?? []) {
    if (typeof entry === "function") continue;
    if (typeof entry !== "string" || !matchers.has(entry)) {
      const known = [...matchers.keys()].sort().join(", ") || "none";
      problems.push(`unknown matcher ${JSON.stringify(entry)} (known matchers: ${known})`);
    }
  }

  for (const output of rule.outputs ?? []) {
    if (typeof output !== "string" || !OUTPUT_PATTERN.test(output)) {
      problems.push(
        `malformed output ${JSON.stringify(output)}: expected "service:descriptor", e.g. "slack:security"`,
      );
    } else if (knownOutputs && !isKnownOutput(output, knownOutputs)) {
      problems.push(`output "${output}" is not configured in conf/outputs.json`);
    }
  }
  if (rule.outputs !== undefined && !Array.isArray(rule.outputs)) {
    problems.push(`outputs: expected a list of "service:descriptor" strings`);
  }
  for (const dynamic of rule.dynamicOutputs ?? []) {
    if (typeof dynamic !== "function") problems.push("dynamicOutputs: expected functions");
  }

  problems.push(...mergeProblems(rule));

  if (rule.reqSubkeys !== undefined) {
    const valid =
      typeof rule.reqSubkeys === "object" &&
      rule.reqSubkeys !== null &&
      Object.values(rule.reqSubkeys).every(isStringList);
    if (!valid) {
      problems.push(
        `reqSubkeys: expected {key: [subkeys]}, got ${JSON.stringify(rule.reqSubkeys)}`,
      );
    }
  }
  if (rule.context !== undefined && (typeof rule.context !== "object" || rule.context === null)) {
    problems.push("context: expected an object");
  }
  if (rule.severity !== undefined && !SEVERITIES.has(rule.severity)) {
    problems.push(
      `severity: expected one of ${[...SEVERITIES].join(", ")}, got ${JSON.stringify(rule.severity)}`,
    );
  }
  if (rule.title !== undefined && typeof rule.title !== "function") {
    problems.push("title: expected a function of the record returning a string");
  }
  if (rule.tags !== undefined && !isStringList(rule.tags)) {
    problems.push(`tags: expected a list of strings, got ${JSON.stringify(rule.tags)}`);
  }
  return problems;
}

function mergeProblems(rule: Rule): string[] {
  const problems: string[] = [];
  const { mergeByKeys, mergeWindowMins, mergeSendFirst } = rule;
  if (mergeByKeys !== undefined && (!isStringList(mergeByKeys) || mergeByKeys.length === 0)) {
    problems.push(
      `mergeByKeys: expected a non-empty list of record keys, got ${JSON.stringify(mergeByKeys)}`,
    );
  }
  if (
    mergeWindowMins !== undefined &&
    (!Number.isInteger(mergeWindowMins) || (mergeWindowMins as number) <= 0)
  ) {
    problems.push(
      `mergeWindowMins: expected a positive whole number of minutes, got ${JSON.stringify(mergeWindowMins)}`,
    );
  }
  if ((mergeByKeys === undefined) !== (mergeWindowMins === undefined)) {
    problems.push("mergeByKeys and mergeWindowMins must be set together (merging needs both)");
  }
  if (mergeSendFirst && mergeByKeys === undefined) {
    problems.push("mergeSendFirst needs mergeByKeys and mergeWindowMins");
  }
  return problems;
}

function isKnownOutput(
  output: string,
  known: Record<string, Record<string, string> | string[]>,
): boolean {
  const separator = output.indexOf(":");
  const service = output.slice(0, separator);
  const descriptor = output.slice(separator + 1);
  if (service === "aws-firehose" && descriptor === "alerts") return true;
  const descriptors = known[service];
  if (descriptors === undefined) return false;
  return Array.isArray(descriptors) ? descriptors.includes(descriptor) : descriptor in descriptors;
}
