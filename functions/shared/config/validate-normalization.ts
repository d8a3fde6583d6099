import { describeValue, listChoices } from "./describe-value";
import type { FileIssues, JsonPath } from "./issue-log";
import { isJsonObject, ObjectReader } from "./object-reader";
import type { NormalizationCondition, NormalizationConfig, NormalizationEntry } from "./types";

const ENTRY_KEYS = ["path", "function", "condition", "send_to_artifacts"];
const CONDITION_OPERATORS = ["is", "is_not", "in", "not_in", "contains", "not_contains"] as const;
const ENTRIES_EXPECTED =
  'a path such as ["detail", "sourceIPAddress"] or a list of entries {"path": [...], "function": "..."}';

function isPath(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((key) => typeof key === "string" && key !== "")
  );
}

// StreamAlert lowercases the record's value before comparing, so an upper-case condition value
// could never match: worth a warning rather than a silent no-op.
function warnIfNeverMatches(issues: FileIssues, path: JsonPath, value: unknown): void {
  const values = Array.isArray(value) ? value : [value];
  if (values.some((item) => typeof item === "string" && item !== item.toLowerCase())) {
    issues.warn(
      path,
      `record values are lowercased before comparison, so ${describeValue(value)} never matches`,
    );
  }
}

function readCondition(condition: ObjectReader): NormalizationCondition | undefined {
  condition.warnUnknownKeys(["path", ...CONDITION_OPERATORS]);
  const path = condition.value.path;
  if (!isPath(path)) condition.fail("path", "a non-empty list of keys");
  const operators = CONDITION_OPERATORS.filter((operator) => condition.has(operator));
  if (operators.length !== 1) {
    condition.issues.error(
      condition.path,
      `expected exactly one of ${listChoices(CONDITION_OPERATORS)}, got ${operators.length === 0 ? "none" : listChoices(operators)}`,
    );
    return undefined;
  }
  const operator = operators[0];
  if ((operator === "in" || operator === "not_in") && !Array.isArray(condition.value[operator])) {
    condition.fail(operator, "a list of values");
    return undefined;
  }
  warnIfNeverMatches(condition.issues, condition.at(operator), condition.value[operator]);
  return isPath(path) ? (condition.value as unknown as NormalizationCondition) : undefined;
}

function readEntry(
  issues: FileIssues,
  path: JsonPath,
  value: unknown,
): NormalizationEntry | undefined {
  if (isPath(value)) return { path: value };
  if (!isJsonObject(value)) {
    issues.error(
      path,
      `expected a path (list of keys) or an entry object, got ${describeValue(value)}`,
    );
    return undefined;
  }
  const entry = new ObjectReader(issues, path, value);
  entry.warnUnknownKeys(ENTRY_KEYS);
  const entryPath = entry.value.path;
  if (!isPath(entryPath)) entry.fail("path", "a non-empty list of keys");
  const fn = entry.string("function");
  const sendToArtifacts = entry.boolean("send_to_artifacts");
  const conditionReader = entry.object("condition");
  const condition = conditionReader ? readCondition(conditionReader) : undefined;
  if (!isPath(entryPath) || (conditionReader && !condition)) return undefined;
  const result: NormalizationEntry = { path: entryPath };
  if (fn !== undefined) result.function = fn;
  if (condition) result.condition = condition;
  if (sendToArtifacts !== undefined) result.send_to_artifacts = sendToArtifacts;
  return result;
}

/**
 * Validates v2 normalization and returns it in one canonical shape: every type maps to a list
 * of entries. StreamAlert writes a single path as a flat list of keys
 * (`"user_agent": ["detail", "userAgent"]`); lists of paths and entry objects are accepted too.
 */
export function readNormalization(normalization: ObjectReader): NormalizationConfig {
  const result: NormalizationConfig = {};
  for (const type of normalization.keys()) {
    const value = normalization.value[type];
    const path = normalization.at(type);
    if (!Array.isArray(value) || value.length === 0) {
      normalization.fail(type, ENTRIES_EXPECTED);
      continue;
    }
    if (value.every((key) => typeof key === "string")) {
      if (isPath(value)) result[type] = [{ path: value }];
      else normalization.fail(type, ENTRIES_EXPECTED);
      continue;
    }
    const entries = value.map((item, index) =>
      readEntry(normalization.issues, [...path, index], item),
    );
    if (entries.every((entry) => entry !== undefined))
      result[type] = entries as NormalizationEntry[];
  }
  return result;
}
