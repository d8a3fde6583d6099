// How the conf-editing subcommands report: results on stdout, problems on stderr, exit code 1
// on any error. Configuration errors print every issue (file: JSON path: message) at once.
import { ConfigError, type ConfigIssue, formatConfigIssue } from "../../../functions/shared/config";

/** A mistake in what the user typed: the message names the bad value and the fix. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** Writes one line to stdout. */
export function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** Writes one line to stderr. */
export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Prints configuration warnings, one per line, on stderr. */
export function printWarnings(warnings: readonly ConfigIssue[]): void {
  for (const issue of warnings) warn(`warning: ${formatConfigIssue(issue)}`);
}

function describeError(error: unknown): string {
  if (error instanceof ConfigError) {
    return `${error.message}\nnothing was written; fix the values above and run the command again`;
  }
  if (error instanceof Error) return `error: ${error.message}`;
  return `error: ${String(error)}`;
}

/**
 * Wraps a commander action: any thrown error is printed (never a stack trace for expected
 * errors) and the process exits with 1. Returns the wrapped action.
 */
export function commandAction<Args extends unknown[]>(
  action: (...args: Args) => void | Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      warn(describeError(error));
      process.exitCode = 1;
    }
  };
}

/** A positive integer option value, or a usage error naming the option. */
export function parsePositiveInteger(flag: string, value: string, max?: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1 || (max !== undefined && number > max)) {
    const range = max === undefined ? "a positive integer" : `an integer from 1 to ${max}`;
    throw new CliUsageError(`${flag} must be ${range}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** A finite number option value, or a usage error naming the option. */
export function parseNumber(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) {
    throw new CliUsageError(`${flag} must be a number, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** The `-c, --config-dir` option every conf command takes. */
export const CONFIG_DIR_FLAGS = "-c, --config-dir <dir>";
export const CONFIG_DIR_HELP = "the conf folder (schemas in conf/schemas or ../schemas)";
