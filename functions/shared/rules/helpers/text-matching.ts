// Fast string tests for rules. Each returns false when `text` is not a string, so rules can pass
// record fields without checking their type first.
import { wildcardMatch } from "../../wildcard";

/** True when `text` starts with any of `prefixes` (no wildcards). */
export function startsWithAny(text: unknown, prefixes: Iterable<string>): boolean {
  if (typeof text !== "string") return false;
  for (const prefix of prefixes) if (text.startsWith(prefix)) return true;
  return false;
}

/** True when `text` ends with any of `suffixes` (no wildcards). */
export function endsWithAny(text: unknown, suffixes: Iterable<string>): boolean {
  if (typeof text !== "string") return false;
  for (const suffix of suffixes) if (text.endsWith(suffix)) return true;
  return false;
}

/** True when `text` contains any of `substrings` (no wildcards). */
export function containsAny(text: unknown, substrings: Iterable<string>): boolean {
  if (typeof text !== "string") return false;
  for (const substring of substrings) if (text.includes(substring)) return true;
  return false;
}

/**
 * True when `text` matches any shell wildcard pattern (`*`, `?`, `[abc]`, `[!abc]`,
 * case-sensitive). Slower than the three above: use it only for patterns they cannot express.
 */
export function matchesAny(text: unknown, patterns: Iterable<string>): boolean {
  if (typeof text !== "string") return false;
  for (const pattern of patterns) if (wildcardMatch(pattern, text)) return true;
  return false;
}
