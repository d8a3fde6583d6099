// console: one short human line per alert (`streamalert run` prints what was delivered as it
// happens). The line says how bad, which rule, what happened and where it went; the alert itself
// is in the local files.
import { type Alert, REQUIRED_OUTPUTS } from "../../shared/alert";
import type { OutputService } from "./types";

export const CONSOLE_SERVICE = "console";

export interface ConsoleOutputOptions {
  /** receives one line (no newline) per alert, e.g. a stdout writer */
  write(line: string): void;
}

/**
 * `[high] duo_fraud: Duo push for bob reported as fraud → slack:security-alerts`. Without a
 * title, the log type and origin stand in; a merged alert says how many it stands for.
 */
export function formatAlertLine(alert: Alert, outputs: readonly string[] = []): string {
  const severity = alert.severity ? `[${alert.severity}] ` : "";
  const what =
    alert.title ?? `${alert.logSource} record from ${alert.sourceService}:${alert.sourceEntity}`;
  const count = alert.record.AlertCount;
  const merged =
    typeof count === "number" && alert.mergeByKeys.length === 0 && isMerged(alert)
      ? ` (merged: ${count} alerts)`
      : "";
  const where = outputs.length > 0 ? ` → ${outputs.join(", ")}` : "";
  return `${severity}${alert.ruleName}: ${oneLine(what)}${merged}${where}`;
}

export function createConsoleOutput(options: ConsoleOutputOptions): OutputService {
  return {
    service: CONSOLE_SERVICE,
    credentialKeys: [],
    async dispatch({ alert }) {
      // where the alert goes besides this console and the archive every alert goes to
      const elsewhere = alert.outputs.filter(
        (output) => !REQUIRED_OUTPUTS.includes(output) && !output.startsWith(`${CONSOLE_SERVICE}:`),
      );
      options.write(formatAlertLine(alert, elsewhere));
    },
  };
}

/** A merged alert's record is the merger's summary: AlertCount, MergedBy, ValueDiffs. */
function isMerged(alert: Alert): boolean {
  const record = alert.record;
  return record.MergedBy !== undefined && record.ValueDiffs !== undefined;
}

/** Titles come from log data: keep the line one line and of a readable length. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
