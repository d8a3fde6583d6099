import type { LogRecord } from "../classified-record";
import type { RegisteredRule } from "./registry";

/** Called when a matcher, the rule or its title throws: logged and counted by the caller. */
export type RuleErrorHandler = (rule: RegisteredRule, error: unknown) => void;

/**
 * Evaluates one rule on one record (SPEC §4.1): reqSubkeys → every matcher → the rule function.
 * Returns a boolean synchronously unless the rule itself returns a promise, so synchronous rules
 * cost no microtask. Any exception (or rejected promise) is reported and counts as no match.
 */
export function evaluateRule(
  rule: RegisteredRule,
  record: LogRecord,
  onError: RuleErrorHandler,
): boolean | Promise<boolean> {
  if (rule.reqSubkeys !== undefined && !hasRequiredSubkeys(record, rule.reqSubkeys)) return false;
  let result: boolean | Promise<boolean>;
  try {
    const matchers = rule.matcherFns;
    for (let index = 0; index < matchers.length; index++) {
      if (!matchers[index](record)) return false;
    }
    result = rule.fn(record, rule.copyContext ? rule.copyContext() : {});
  } catch (error) {
    onError(rule, error);
    return false;
  }
  // The common case first: a plain boolean needs no promise check.
  if (result === true || result === false) return result;
  if (isPromise(result)) {
    return result.then(
      (matched) => Boolean(matched),
      (error: unknown) => {
        onError(rule, error);
        return false;
      },
    );
  }
  return Boolean(result);
}

/** Each key must exist, hold an object (not null, not a list) and carry every listed subkey. */
export function hasRequiredSubkeys(
  record: LogRecord,
  reqSubkeys: Record<string, string[]>,
): boolean {
  for (const key in reqSubkeys) {
    const value = record[key];
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    for (const subkey of reqSubkeys[key]) if (!(subkey in value)) return false;
  }
  return true;
}

function isPromise(value: unknown): value is Promise<boolean> {
  return typeof (value as Promise<boolean> | undefined)?.then === "function";
}
