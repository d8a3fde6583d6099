import { isDeepStrictEqual } from "node:util";
import type { LogRecord } from "../classified-record";
import { NORMALIZATION_KEY } from "../classified-record";
import { mayTakeSecondArgument } from "./function-params";
import { type RuleProblem, RuleRegistryError } from "./registry-errors";
import { validateRule } from "./registry-validation";
import type { Matcher, MatcherFunction, Rule } from "./types";

/** A module as the generated rules index (or a test) hands it over. */
export interface RuleModule {
  file: string;
  exports: Record<string, unknown>;
}

/** A rule with its name, file and matchers resolved to functions: ready to evaluate. */
export interface RegisteredRule extends Rule {
  name: string;
  file: string;
  matcherFns: MatcherFunction[];
  /** a fresh deep copy of the rule's context for each call; undefined when it has none */
  copyContext?: () => Record<string, unknown>;
}

export interface RuleRegistry {
  /** every rule, disabled ones included (the test command reports them), in file order */
  readonly rules: readonly RegisteredRule[];
  readonly matchers: ReadonlyMap<string, MatcherFunction>;
  get(name: string): RegisteredRule | undefined;
  /**
   * The enabled rules that can apply to a record of this log type: those listing the log type
   * (and, when they also list datatypes, only if the record carries one) plus datatype-only
   * rules for the normalized types the record carries. Map lookups only.
   */
  rulesFor(logType: string, record: LogRecord): readonly RegisteredRule[];
}

export interface BuildRegistryOptions {
  /** known `service` → descriptors (conf/outputs.json); when given, outputs must exist there */
  knownOutputs?: Record<string, Record<string, string> | string[]>;
}

const isRule = (value: unknown): value is Rule =>
  typeof value === "object" && value !== null && (value as Rule).kind === "rule";
const isMatcher = (value: unknown): value is Matcher =>
  typeof value === "object" && value !== null && (value as Matcher).kind === "matcher";

/**
 * Builds the registry from rule and matcher modules. A rule's name is its export name; exports
 * that are neither rules nor matchers are ignored (constants, helpers). Every problem is
 * collected and thrown at once as a {@link RuleRegistryError} naming the files.
 */
export function buildRuleRegistry(
  ruleModules: RuleModule[],
  matcherModules: RuleModule[] = [],
  options: BuildRegistryOptions = {},
): RuleRegistry {
  const problems: RuleProblem[] = [];
  const matchers = new Map<string, MatcherFunction>();
  const matcherFiles = new Map<string, string>();
  const declaredRules: Array<{ file: string; name: string; rule: Rule }> = [];
  const ruleFiles = new Map<string, string>();

  for (const module of [...matcherModules, ...ruleModules]) {
    for (const [name, value] of Object.entries(module.exports)) {
      if (isMatcher(value)) {
        const previous = matcherFiles.get(name);
        if (previous !== undefined && previous !== module.file) {
          problems.push({
            file: module.file,
            name,
            message: `duplicate matcher name, also declared in ${previous}`,
          });
          continue;
        }
        if (previous === undefined) {
          matcherFiles.set(name, module.file);
          if (typeof value.fn !== "function") {
            problems.push({ file: module.file, name, message: "matcher must wrap a function" });
          } else matchers.set(name, value.fn);
        }
      }
    }
  }
  for (const module of ruleModules) {
    for (const [name, value] of Object.entries(module.exports)) {
      if (!isRule(value)) continue;
      const previous = ruleFiles.get(name);
      if (previous !== undefined) {
        problems.push({
          file: module.file,
          name,
          message: `duplicate rule name, also declared in ${previous}`,
        });
        continue;
      }
      ruleFiles.set(name, module.file);
      declaredRules.push({ file: module.file, name, rule: value });
    }
  }

  const rules: RegisteredRule[] = [];
  for (const { file, name, rule } of declaredRules) {
    const messages = validateRule(rule, matchers, options.knownOutputs);
    for (const message of messages) problems.push({ file, name, message });
    if (messages.length > 0) continue;
    const matcherFns = (rule.matchers ?? []).map((entry) =>
      typeof entry === "string" ? (matchers.get(entry) as MatcherFunction) : entry,
    );
    const copyContext = mayTakeSecondArgument(rule.fn) ? contextCopier(rule.context) : undefined;
    rules.push({ ...rule, name, file, matcherFns, copyContext });
  }
  if (problems.length > 0) throw new RuleRegistryError(problems);
  return createIndexedRegistry(rules, matchers);
}

function createIndexedRegistry(
  rules: RegisteredRule[],
  matchers: Map<string, MatcherFunction>,
): RuleRegistry {
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  const byLogType = new Map<string, RegisteredRule[]>();
  const byDatatype = new Map<string, RegisteredRule[]>();
  const order = new Map(rules.map((rule, index) => [rule, index]));
  for (const rule of rules) {
    if (rule.disabled) continue;
    if (rule.logs && rule.logs.length > 0) {
      for (const logType of new Set(rule.logs)) append(byLogType, logType, rule);
    } else {
      for (const datatype of new Set(rule.datatypes ?? [])) append(byDatatype, datatype, rule);
    }
  }
  const none: readonly RegisteredRule[] = [];
  // log types with a rule that also names datatypes: only those need the per-record filter
  const filteredLogTypes = new Set(
    [...byLogType]
      .filter(([, list]) => list.some((rule) => rule.datatypes?.length))
      .map(([t]) => t),
  );

  const namedDatatypes = [
    ...new Set([
      ...byDatatype.keys(),
      ...[...filteredLogTypes].flatMap((logType) =>
        (byLogType.get(logType) ?? []).flatMap((rule) => rule.datatypes ?? []),
      ),
    ]),
  ];
  const selectedByLogType = new Map<string, Map<number, readonly RegisteredRule[]>>();

  return {
    rules,
    matchers,
    get: (name) => byName.get(name),
    rulesFor(logType, record) {
      const forLog = byLogType.get(logType) ?? none;
      const normalization = record[NORMALIZATION_KEY];
      const types =
        typeof normalization === "object" && normalization !== null
          ? (normalization as Record<string, unknown>)
          : undefined;
      if (!filteredLogTypes.has(logType) && (types === undefined || byDatatype.size === 0)) {
        return forLog;
      }
      // the rules depend only on the log type and which of the datatypes rules name the
      // record carries: one bit per such datatype, and the selection cached per log type
      let mask = 0;
      if (types !== undefined) {
        for (let bit = 0; bit < namedDatatypes.length; bit++) {
          if (namedDatatypes[bit] in types) mask |= 1 << bit;
        }
      }
      let byMask = selectedByLogType.get(logType);
      if (byMask === undefined) {
        byMask = new Map();
        selectedByLogType.set(logType, byMask);
      }
      let selected = byMask.get(mask);
      if (selected === undefined) {
        selected = selectRules(logType, forLog, types);
        if (namedDatatypes.length <= 30) byMask.set(mask, selected); // past 30, masks collide
      }
      return selected;
    },
  };

  function selectRules(
    logType: string,
    forLog: readonly RegisteredRule[],
    types: Record<string, unknown> | undefined,
  ): readonly RegisteredRule[] {
    const logRules = filteredLogTypes.has(logType)
      ? forLog.filter((rule) => !rule.datatypes?.length || carriesAny(types, rule.datatypes))
      : forLog;
    if (types === undefined || byDatatype.size === 0) return logRules;
    let selected: RegisteredRule[] | undefined;
    for (const type of Object.keys(types)) {
      const typeRules = byDatatype.get(type);
      if (!typeRules) continue;
      selected ??= [...logRules];
      for (const rule of typeRules) if (!selected.includes(rule)) selected.push(rule);
    }
    if (!selected) return logRules;
    return selected.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
}

/**
 * Each call of a rule gets its own copy of the context, so a rule cannot change what the next
 * call sees. A context that is plain JSON (the usual case) is copied by parsing its text, several
 * times faster than structuredClone; anything else is structured-cloned.
 */
function contextCopier(
  context: Record<string, unknown> | undefined,
): (() => Record<string, unknown>) | undefined {
  if (context === undefined || Object.keys(context).length === 0) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(context);
  } catch {
    text = undefined; // a cycle or a BigInt
  }
  if (text !== undefined && isDeepStrictEqual(JSON.parse(text), context)) {
    const json = text;
    return () => JSON.parse(json) as Record<string, unknown>;
  }
  return () => structuredClone(context);
}

function carriesAny(
  types: Record<string, unknown> | undefined,
  wanted: readonly string[],
): boolean {
  return types !== undefined && wanted.some((type) => type in types);
}

function append(map: Map<string, RegisteredRule[]>, key: string, rule: RegisteredRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}
