// Deep value search through nested records (StreamAlert's data_has_value family). Lists and
// object values are searched recursively; keys are never compared.
import { matchesAny } from "./text-matching";

function someLeaf(data: unknown, test: (leaf: unknown) => boolean): boolean {
  if (Array.isArray(data)) return data.some((item) => someLeaf(item, test));
  if (typeof data === "object" && data !== null) {
    for (const value of Object.values(data)) if (someLeaf(value, test)) return true;
    return false;
  }
  return test(data);
}

/** True when any value in `data` equals `searchValue` (strict equality). */
export function dataHasValue(data: unknown, searchValue: unknown): boolean {
  return someLeaf(data, (leaf) => leaf === searchValue);
}

/** True when any string value in `data` contains `substring`. */
export function dataHasValueWithSubstring(data: unknown, substring: string): boolean {
  return someLeaf(data, (leaf) => typeof leaf === "string" && leaf.includes(substring));
}

/**
 * True when any non-empty string value in `data` matches one of `patterns` (shell wildcards;
 * a pattern without wildcards is an exact match).
 */
export function dataHasValueFromList(data: unknown, patterns: Iterable<string>): boolean {
  const list = [...patterns];
  return someLeaf(data, (leaf) => Boolean(leaf) && matchesAny(leaf, list));
}

/** True when any non-empty string value in `data` contains one of `substrings`. */
export function dataHasValueFromSubstringList(
  data: unknown,
  substrings: Iterable<string>,
): boolean {
  const list = [...substrings];
  return someLeaf(
    data,
    (leaf) => typeof leaf === "string" && leaf !== "" && list.some((s) => leaf.includes(s)),
  );
}
