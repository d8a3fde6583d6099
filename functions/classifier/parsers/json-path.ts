// `json_path` compiled once: StreamAlert's JMESPath (`Records[*]`, `logEvents[*].message`) or
// JSONPath (`$.Records[*]`). The selection is a list of candidate records.
import { search } from "@aws-lambda-powertools/jmespath";
import { JSONPath } from "jsonpath-plus";
import { isPlainObject, isPythonFalsy } from "../schema/python-values";
import { compileSimpleJmesPath } from "./jmespath-simple";

export type SelectRecords = (root: unknown) => unknown[] | undefined;

type JmesInput = Parameters<typeof search>[1];

function compileJmesPath(expression: string): SelectRecords {
  // powertools caches the parsed expression; parsing here validates it once, up front
  search(expression, {});
  const simple = compileSimpleJmesPath(expression);
  return (root) => {
    let result: unknown;
    if (simple) result = simple(root);
    else {
      try {
        result = search(expression, root as JmesInput);
      } catch {
        return undefined; // e.g. a function applied to a value of the wrong type
      }
    }
    // as StreamAlert: an empty or falsy result selects nothing, a single value is wrapped
    if (isPythonFalsy(result)) return undefined;
    return Array.isArray(result) ? result : [result];
  };
}

function compileJsonPath(expression: string): SelectRecords {
  JSONPath.toPathArray(expression);
  return (root) => {
    if (!isPlainObject(root) && !Array.isArray(root)) return undefined;
    let matches: unknown;
    try {
      matches = JSONPath({ path: expression, json: root, wrap: true, eval: "safe" });
    } catch {
      return undefined;
    }
    return Array.isArray(matches) && matches.length > 0 ? matches : undefined;
  };
}

/** Compile a json_path; throws (at cold start) when the expression is not valid. */
export function compileSelectRecords(expression: string): SelectRecords {
  return expression.startsWith("$") ? compileJsonPath(expression) : compileJmesPath(expression);
}
