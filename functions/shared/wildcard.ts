// Shell-style wildcards (`*`, `?`, `[...]`, `[!...]`), case-sensitive, as Python's fnmatchcase
// which StreamAlert's log_patterns and rule helpers use. Compiled once into a RegExp.

const cache = new Map<string, RegExp>();

function translate(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") out += "[\\s\\S]*";
    else if (c === "?") out += "[\\s\\S]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end === -1) {
        out += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, end).replace(/\\/g, "\\\\");
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      else if (body.startsWith("^")) body = `\\${body}`;
      out += `[${body}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|\\/\]]/g, "\\$&");
  }
  return `^${out}$`;
}

/** Compile a shell wildcard into a RegExp (cached: patterns come from config and rules). */
export function compileWildcard(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(translate(pattern));
    cache.set(pattern, re);
  }
  return re;
}

/** True when `value` matches the shell wildcard `pattern` (case-sensitive). */
export function wildcardMatch(pattern: string, value: string): boolean {
  return compileWildcard(pattern).test(value);
}
