// StreamAlert's rule test event format (SPEC §4.6): JSON arrays of events in files beside the
// rules. Loading and validation only; running them is run-test-event.ts.
import { readFileSync } from "node:fs";
import type { ServiceName } from "../../../functions/shared/config/types";
import { publisherTestsProblems } from "./publisher-tests";

/** `[jmespath, condition, value]`, or StreamAlert's `{jmespath_expression, condition, value}` */
export type PublisherAssertion =
  | [string, "is" | "in" | "contains", unknown]
  | { jmespath_expression: string; condition: "is" | "in" | "contains"; value: unknown };

export interface TestEvent {
  description: string;
  log: string;
  service: ServiceName;
  source: string;
  data?: Record<string, unknown> | unknown[] | string;
  override_record?: Record<string, unknown>;
  trigger_rules?: string[];
  classify_only?: boolean;
  compress?: boolean;
  skip_publishers?: boolean;
  publisher_tests?: Record<string, PublisherAssertion[]>;
  test_fixtures?: {
    threat_intel?: Array<Record<string, unknown>>;
    lookup_tables?: Record<string, Record<string, unknown>>;
  };
  /** StreamAlert's older key: classify only, do not run rules */
  validate_schema_only?: boolean;
}

const REQUIRED = ["description", "log", "service", "source"] as const;
const OPTIONAL = new Set([
  "data",
  "override_record",
  "trigger_rules",
  "classify_only",
  "compress",
  "skip_publishers",
  "publisher_tests",
  "test_fixtures",
  "validate_schema_only",
]);
const SERVICES = new Set(["kinesis", "s3", "sns", "streamalert_app"]);

export interface LoadedTestFile {
  file: string;
  events: TestEvent[];
  /** a problem with the file or one of its events: the file's events are not run */
  errors: string[];
  warnings: string[];
}

/** Check one event; returns problems (empty when valid) and warnings for unknown keys. */
export function validateTestEvent(
  event: unknown,
  index: number,
): { errors: string[]; warnings: string[] } {
  const where = `event ${index}`;
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    return { errors: [`${where}: expected an object, got ${JSON.stringify(event)}`], warnings: [] };
  }
  const e = event as Record<string, unknown>;
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const key of REQUIRED) {
    if (typeof e[key] !== "string" || e[key] === "") {
      errors.push(`${where}: "${key}" is required (a non-empty string)`);
    }
  }
  if (typeof e.service === "string" && !SERVICES.has(e.service)) {
    errors.push(
      `${where}: service must be one of kinesis, s3, sns, streamalert_app, got "${e.service}"`,
    );
  }
  if (e.data === undefined && e.override_record === undefined) {
    errors.push(`${where}: needs either "data" (object or string) or "override_record" (object)`);
  }
  if (
    e.data !== undefined &&
    typeof e.data !== "string" &&
    !isObject(e.data) &&
    !Array.isArray(e.data)
  ) {
    errors.push(`${where}: "data" must be an object, an array (a JSON document) or a string`);
  }
  if (e.override_record !== undefined && !isObject(e.override_record)) {
    errors.push(`${where}: "override_record" must be an object`);
  }
  const classifyOnly = e.classify_only === true || e.validate_schema_only === true;
  if (!classifyOnly && !Array.isArray(e.trigger_rules)) {
    errors.push(
      `${where}: "trigger_rules" (a list, may be empty) is required unless "classify_only" is true`,
    );
  } else if (
    e.trigger_rules !== undefined &&
    (!Array.isArray(e.trigger_rules) || e.trigger_rules.some((name) => typeof name !== "string"))
  ) {
    errors.push(`${where}: "trigger_rules" must be a list of rule names`);
  }
  if (e.publisher_tests !== undefined && !isObject(e.publisher_tests)) {
    errors.push(`${where}: "publisher_tests" must map output names to lists of [path, op, value]`);
  } else if (e.publisher_tests !== undefined) {
    for (const problem of publisherTestsProblems(e.publisher_tests)) {
      errors.push(`${where}: ${problem}`);
    }
  }
  errors.push(...fixtureProblems(e.test_fixtures, where));
  for (const key of Object.keys(e)) {
    if (!OPTIONAL.has(key) && !(REQUIRED as readonly string[]).includes(key)) {
      warnings.push(`${where}: unknown key "${key}" is ignored`);
    }
  }
  return { errors, warnings };
}

export function loadTestEventFile(file: string): LoadedTestFile {
  const result: LoadedTestFile = { file, events: [], errors: [], warnings: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    result.errors.push(`not valid JSON: ${(err as Error).message}`);
    return result;
  }
  // StreamAlert v1/v2 files wrapped the list in {"records": [...]}
  const list = isObject(parsed) && Array.isArray(parsed.records) ? parsed.records : parsed;
  if (!Array.isArray(list)) {
    result.errors.push("events must be in a JSON list");
    return result;
  }
  list.forEach((event, index) => {
    const { errors, warnings } = validateTestEvent(event, index);
    result.errors.push(...errors);
    result.warnings.push(...warnings);
    if (errors.length === 0) result.events.push(event as TestEvent);
  });
  return result;
}

function fixtureProblems(fixtures: unknown, where: string): string[] {
  if (fixtures === undefined) return [];
  if (!isObject(fixtures)) return [`${where}: "test_fixtures" must be an object`];
  const problems: string[] = [];
  const intel = fixtures.threat_intel;
  if (
    intel !== undefined &&
    (!Array.isArray(intel) ||
      intel.some((item) => !isObject(item) || typeof item.ioc_value !== "string"))
  ) {
    problems.push(`${where}: "test_fixtures.threat_intel" must be a list of {"ioc_value": ...}`);
  }
  const tables = fixtures.lookup_tables;
  if (tables !== undefined && (!isObject(tables) || !Object.values(tables).every(isObject))) {
    problems.push(`${where}: "test_fixtures.lookup_tables" must map table names to {key: value}`);
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
