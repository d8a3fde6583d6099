import { ConfigFileError, type ConfigIssue } from "./errors";
import { formatPath } from "./issue-log";
import { parseJsonText } from "./parse-json-text";

/**
 * A bundle may embed the configuration files as JSON text rather than parsed values. Parses every
 * string entry; syntax errors are thrown together as ConfigFileError (as the file reader does),
 * keys written twice come back as warnings.
 */
export function decodeFileTexts(
  files: Record<string, unknown>,
  displayName: (key: string) => string,
): { files: Record<string, unknown>; warnings: ConfigIssue[] } {
  const decoded: Record<string, unknown> = {};
  const problems: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(files)) {
    if (typeof value !== "string") {
      decoded[key] = value;
      continue;
    }
    const file = displayName(key);
    const parsed = parseJsonText(value);
    if (!parsed.ok) {
      const { line, column, reason } = parsed.problem;
      problems.push({
        file,
        path: "",
        message: `invalid JSON at line ${line}, column ${column}: ${reason}`,
      });
      continue;
    }
    decoded[key] = parsed.value;
    for (const { path, line, column } of parsed.duplicateKeys) {
      warnings.push({
        file,
        path: formatPath(path),
        message: `is written twice in one object (again at line ${line}, column ${column}); only the last value is used`,
      });
    }
  }
  if (problems.length > 0) throw new ConfigFileError(problems);
  return { files: decoded, warnings };
}
