import type { LogRecord } from "../classified-record";

export type Severity = "info" | "low" | "medium" | "high" | "critical";

/** A matcher returns true when the rule should be evaluated for the record. */
export type MatcherFunction = (record: LogRecord) => boolean;
/** Returns extra outputs (`service:descriptor`) for one record. */
export type DynamicOutput = (record: LogRecord) => string | string[] | null | undefined;

/** An alert as publishers see it (the alert's plain form, SPEC §5). */
export type PublishedAlert = Record<string, unknown>;
/** A publisher transforms the publication built so far for one output. */
export type PublisherFunction = (
  alert: PublishedAlert,
  publication: PublishedAlert,
) => PublishedAlert;
/** Publisher names or functions, for all outputs (list) or per output/service (map). */
export type PublisherSpec =
  | Array<string | PublisherFunction>
  | Record<string, Array<string | PublisherFunction>>;

export interface RuleOptions {
  /** log types ("cloudtrail:events") this rule runs on */
  logs?: string[];
  /** normalized types ("sourceAddress") this rule runs on */
  datatypes?: string[];
  matchers?: Array<string | MatcherFunction>;
  /** "service:descriptor" */
  outputs?: string[];
  dynamicOutputs?: DynamicOutput[];
  publishers?: PublisherSpec;
  /** presence check: each key must exist, be an object and carry these subkeys */
  reqSubkeys?: Record<string, string[]>;
  mergeByKeys?: string[];
  mergeWindowMins?: number;
  /** send the first alert of a merge window at once and merge the rest */
  mergeSendFirst?: boolean;
  /** handed to the rule (deep copy) as its second argument */
  context?: Record<string, unknown>;
  description?: string;
  /** StreamAlert's @disable */
  disabled?: boolean;
  severity?: Severity;
  /** a one-line alert title */
  title?: (record: LogRecord) => string;
  /** e.g. MITRE ATT&CK ids "T1078" */
  tags?: string[];
  runbook?: string;
}

/** May be async (lookup tables); the engine awaits only when a promise comes back. */
export type RuleFunction = (
  record: LogRecord,
  context: Record<string, unknown>,
) => boolean | Promise<boolean>;

export interface Rule extends RuleOptions {
  readonly kind: "rule";
  fn: RuleFunction;
  /** set by the registry from the export name */
  name?: string;
}

/** Declare a rule: `export const my_rule = rule({ logs: [...] }, (rec) => ...)`. */
export function rule(options: RuleOptions, fn: RuleFunction): Rule {
  return { ...options, kind: "rule", fn };
}

export interface Matcher {
  readonly kind: "matcher";
  fn: MatcherFunction;
  name?: string;
}

/** Declare a named matcher: `export const prod_account = matcher((rec) => ...)`. */
export function matcher(fn: MatcherFunction): Matcher {
  return { kind: "matcher", fn };
}
