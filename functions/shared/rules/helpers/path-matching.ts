// File path patterns matched component by component, as Python's PurePosixPath.match (which
// StreamAlert's path_matches_any uses): `*` never crosses a `/`, a relative pattern matches the
// end of the path, an absolute pattern the whole path.
import { wildcardMatch } from "../../wildcard";

interface SplitPath {
  absolute: boolean;
  parts: string[];
}

function splitPath(path: string): SplitPath {
  // "a//b", "a/./b" and a trailing "/" are the same path as "a/b", as in pathlib
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  return { absolute: path.startsWith("/"), parts };
}

function pathMatches(path: SplitPath, pattern: string): boolean {
  const wanted = splitPath(pattern);
  if (wanted.parts.length === 0 && !wanted.absolute) return false;
  if (wanted.absolute) {
    if (!path.absolute || wanted.parts.length !== path.parts.length) return false;
  } else if (wanted.parts.length > path.parts.length) return false;
  const offset = path.parts.length - wanted.parts.length;
  for (let i = wanted.parts.length - 1; i >= 0; i--) {
    if (!wildcardMatch(wanted.parts[i], path.parts[offset + i])) return false;
  }
  return true;
}

/**
 * True when the file path `text` matches any of `patterns`, e.g.
 * `pathMatchesAny("/Users/alice/.ssh/id_rsa", ["/Users/*\/.ssh/*"])`.
 */
export function pathMatchesAny(text: unknown, patterns: Iterable<string>): boolean {
  if (typeof text !== "string") return false;
  const path = splitPath(text);
  for (const pattern of patterns) if (pathMatches(path, pattern)) return true;
  return false;
}
