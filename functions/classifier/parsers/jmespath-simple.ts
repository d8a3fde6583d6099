// A fast evaluator for the JMESPath forms StreamAlert schemas use (`Records[*]`,
// `logEvents[*].message`, `detail.findings[0]`, `a[]`): fields, indexes, `[*]` projections and a
// leading `[]` flatten. Anything else returns undefined from the compiler and is left to the full
// JMESPath implementation; the results are the same, without its per-call interpreter setup.
import { isPlainObject } from "../schema/python-values";

type Step =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "project" }
  | { kind: "flatten" };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
const QUOTED = /^"(?:[^"\\]|\\.)*"/;
const BRACKET = /^\[(\*|-?\d+|)\]/;

function tokenize(expression: string): Step[] | undefined {
  const steps: Step[] = [];
  let rest = expression;
  let needField = true; // at the start or after a dot, a field (or a bracket at the start) comes
  let projected = false;
  while (rest.length > 0) {
    const bracket = BRACKET.exec(rest);
    if (bracket && !(needField && steps.length > 0)) {
      const inner = bracket[1];
      if (inner === "*") {
        steps.push({ kind: "project" });
        projected = true;
      } else if (inner === "") {
        if (projected) return undefined; // a flatten after a projection ends it: not handled here
        steps.push({ kind: "flatten" });
        projected = true;
      } else steps.push({ kind: "index", index: Number(inner) });
      rest = rest.slice(bracket[0].length);
      needField = false;
      continue;
    }
    if (needField) {
      const identifier = IDENTIFIER.exec(rest);
      const quoted = identifier ? undefined : QUOTED.exec(rest);
      if (!identifier && !quoted) return undefined;
      const token = (identifier ?? quoted)![0];
      steps.push({ kind: "field", name: identifier ? token : (JSON.parse(token) as string) });
      rest = rest.slice(token.length);
      needField = false;
      continue;
    }
    if (rest[0] !== ".") return undefined;
    rest = rest.slice(1);
    needField = true;
  }
  return needField ? undefined : steps;
}

function evaluate(steps: Step[], from: number, value: unknown): unknown {
  for (let i = from; i < steps.length; i++) {
    if (value === null || value === undefined) return null;
    const step = steps[i];
    switch (step.kind) {
      case "field":
        value = isPlainObject(value) && Object.hasOwn(value, step.name) ? value[step.name] : null;
        break;
      case "index":
        if (!Array.isArray(value)) return null;
        value = value[step.index < 0 ? value.length + step.index : step.index];
        break;
      default: {
        if (!Array.isArray(value)) return null;
        const elements = step.kind === "flatten" ? value.flat(1) : value;
        const projected: unknown[] = [];
        for (const element of elements) {
          const result = evaluate(steps, i + 1, element);
          if (result !== null && result !== undefined) projected.push(result);
        }
        return projected;
      }
    }
  }
  return value ?? null;
}

/** A compiled evaluator, or undefined when the expression needs the full JMESPath grammar. */
export function compileSimpleJmesPath(
  expression: string,
): ((root: unknown) => unknown) | undefined {
  const steps = tokenize(expression.trim());
  if (!steps || steps.length === 0) return undefined;
  return (root) => evaluate(steps, 0, root);
}
