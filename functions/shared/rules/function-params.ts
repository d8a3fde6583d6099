// Whether a rule function can receive its second argument (the context). Copying a rule's
// context for every call costs as much as the rest of the rule evaluation on busy log types, and
// most rules with a context (for outputs and publishers) never take it as a parameter.
// Read from the function's source text; when in doubt the answer is yes, so the copy is made.

/** True unless `fn` plainly declares at most one parameter and does not read `arguments`. */
export function mayTakeSecondArgument(fn: (...args: never[]) => unknown): boolean {
  const source = Function.prototype.toString.call(fn);
  if (source.includes("arguments")) return true;
  const open = source.indexOf("(");
  const arrow = source.indexOf("=>");
  // `rec => ...` or `async rec => ...`: one parameter, no parentheses
  if (arrow !== -1 && (open === -1 || arrow < open)) return false;
  if (open === -1) return true;
  const count = topLevelParameters(source, open);
  return count === -1 || count >= 2;
}

/** The number of parameters in the list opening at `open`; -1 when the list cannot be read. */
function topLevelParameters(source: string, open: number): number {
  let depth = 0;
  let commas = 0;
  let empty = true;
  for (let index = open + 1; index < source.length; index++) {
    const c = source[index];
    if (c === '"' || c === "'" || c === "`") {
      index = closingQuote(source, index);
      if (index === -1) return -1;
      empty = false;
      continue;
    }
    if (c === "." && source.startsWith("...", index)) return -1; // a rest parameter
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === ")") {
      if (depth === 0) return empty ? 0 : commas + 1;
      depth--;
    } else if (c === "," && depth === 0) commas++;
    if (!/\s/.test(c)) empty = false;
  }
  return -1;
}

/** Index of the quote closing the string that opens at `open`, or -1. */
function closingQuote(source: string, open: number): number {
  const quote = source[open];
  for (let index = open + 1; index < source.length; index++) {
    if (source[index] === "\\") index++;
    else if (source[index] === quote) return index;
  }
  return -1;
}
