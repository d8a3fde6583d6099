/** One problem found in the configuration, located precisely enough to fix it without guessing. */
export interface ConfigIssue {
  /** the file as the user knows it, e.g. "conf/clusters/prod.json" or "schemas/osquery.json" */
  file: string;
  /** JSON path inside the file, e.g. "modules.kinesis.streams.shards"; "" for the whole file */
  path: string;
  /** names the bad value and what is allowed */
  message: string;
}

/** Renders one issue the way the user reads it: `file: path: message`. */
export function formatConfigIssue(issue: ConfigIssue): string {
  return issue.path
    ? `${issue.file}: ${issue.path}: ${issue.message}`
    : `${issue.file}: ${issue.message}`;
}

/** Renders issues one per line, in the order they were found. */
export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  return issues.map(formatConfigIssue).join("\n");
}

function summary(headline: string, issues: readonly ConfigIssue[]): string {
  return `${headline}\n${formatConfigIssues(issues)}`;
}

/** Base of every configuration error: carries ALL issues found, not just the first. */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly issues: readonly ConfigIssue[];

  constructor(headline: string, issues: readonly ConfigIssue[]) {
    super(summary(headline, issues));
    this.issues = issues;
  }
}

/** A configuration file could not be read or is not valid JSON. */
export class ConfigFileError extends ConfigError {
  override name = "ConfigFileError";

  constructor(issues: readonly ConfigIssue[]) {
    const count = issues.length;
    super(`${count} configuration file${count === 1 ? "" : "s"} could not be read:`, issues);
  }
}

/** The configuration was read but breaks one or more rules. */
export class ConfigValidationError extends ConfigError {
  override name = "ConfigValidationError";
  /** warnings found along the way, so a caller can still show them */
  readonly warnings: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], warnings: readonly ConfigIssue[] = []) {
    const count = issues.length;
    super(`invalid configuration (${count} error${count === 1 ? "" : "s"}):`, issues);
    this.warnings = warnings;
  }
}
