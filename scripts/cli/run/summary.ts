// What a local run reports at the end (docs/local-pipeline.md explains how to read it). The
// per-rule and per-output lines are `  <name>  <count>`, sorted by name, so scripts and tests
// can read them.
import type { LocalFileStats } from "../../../functions/alert_processor/outputs/local-file";

export interface RecordProblem {
  /** the input file (as the summary names it) */
  file: string;
  /** why, from the classifier */
  message: string;
  /** the start of the record */
  sample?: string;
}

export interface Undelivered {
  rule: string;
  alertId: string;
  output: string;
  error: string;
}

export interface RunSummary {
  cluster: string;
  files: Array<{ label: string; source: string }>;
  recordsRead: number;
  classifiedPerLogType: Map<string, number>;
  failedParses: number;
  /** the first failed parses, with their reasons */
  failedSamples: RecordProblem[];
  /** inputs whose records could not be handed on (S3 object unreadable, SQS send failed) */
  unreadInputs: string[];
  /** classified-records messages the rules engine could not finish */
  rulesEngineFailures: number;
  alertsPerRule: Map<string, number>;
  /** the same alert again (same rule, record and origin): stored once */
  duplicateAlerts: number;
  /** merged alerts the merger made out of merge-window groups */
  mergedAlerts: number;
  /** successful sends per `service:descriptor` */
  deliveries: Map<string, number>;
  undelivered: Undelivered[];
  /** every non-local output went to a local file instead */
  redirected: boolean;
  outputDir: string;
  outputFiles: LocalFileStats[];
  /** rule errors and other problems the functions logged */
  problems: string[];
  seconds: number;
}

/** 0: everything read was processed and every alert delivered; 1 otherwise. */
export function exitCodeOf(summary: RunSummary): number {
  const incomplete =
    summary.unreadInputs.length > 0 ||
    summary.rulesEngineFailures > 0 ||
    summary.undelivered.length > 0;
  return incomplete ? 1 : 0;
}

const MAX_LISTED = 5;

export function formatSummary(summary: RunSummary): string[] {
  const lines: string[] = [];
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  lines.push(
    "",
    `Summary (cluster ${summary.cluster}, ${plural(summary.files.length, "file")}, ${summary.seconds.toFixed(1)} s)`,
  );
  lines.push(`Records read: ${summary.recordsRead}`);
  const parsed = summary.recordsRead - summary.failedParses;
  lines.push(
    `Classified: ${total(summary.classifiedPerLogType)} log records (from ${parsed} of the ${summary.recordsRead} records read)`,
  );
  lines.push(...table(summary.classifiedPerLogType));
  lines.push(`Failed parses: ${summary.failedParses}`);
  for (const problem of summary.failedSamples.slice(0, MAX_LISTED)) {
    const sample = problem.sample ? `: ${shorten(problem.sample, 60)}` : "";
    lines.push(`  ${problem.file}: ${shorten(problem.message, 100)}${sample}`);
  }
  if (summary.failedParses > MAX_LISTED)
    lines.push(`  ... and ${summary.failedParses - MAX_LISTED} more`);
  for (const input of summary.unreadInputs) lines.push(`Not processed: ${input}`);
  if (summary.rulesEngineFailures > 0) {
    lines.push(
      `Rules engine: ${plural(summary.rulesEngineFailures, "message")} could not be processed`,
    );
  }

  const duplicates =
    summary.duplicateAlerts > 0 ? ` (${summary.duplicateAlerts} repeated, stored once)` : "";
  lines.push(`Alerts: ${total(summary.alertsPerRule)}${duplicates}`);
  lines.push(...table(summary.alertsPerRule));
  if (summary.mergedAlerts > 0) {
    lines.push(
      `Merged alerts: ${summary.mergedAlerts} (merge windows closed at the end of the run)`,
    );
  }
  lines.push(`Deliveries: ${total(summary.deliveries)}`);
  lines.push(...table(summary.deliveries));
  if (summary.undelivered.length > 0) {
    lines.push(`Not delivered: ${summary.undelivered.length}`);
    for (const miss of summary.undelivered.slice(0, MAX_LISTED)) {
      lines.push(`  ${miss.rule} → ${miss.output}: ${shorten(miss.error, 120)}`);
    }
  }
  const files = summary.outputFiles.filter((file) => file.appended + file.alreadyPresent > 0);
  if (files.length > 0) {
    lines.push(`Output files (${summary.outputDir}):`);
    for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
      const already = file.alreadyPresent > 0 ? `, ${file.alreadyPresent} already there` : "";
      lines.push(`  ${file.path}  ${plural(file.appended, "new alert")}${already}`);
    }
  }
  if (summary.problems.length > 0) {
    lines.push(`Problems logged: ${summary.problems.length}`);
    for (const problem of summary.problems.slice(0, MAX_LISTED))
      lines.push(`  ${shorten(problem, 160)}`);
  }
  lines.push(
    summary.redirected
      ? "Outputs were redirected to local files: nothing left this machine (--live-outputs sends for real)."
      : "Live outputs: the deliveries above went to the real services of conf/outputs.json.",
  );
  return lines;
}

function table(counts: Map<string, number>): string[] {
  const names = [...counts.keys()].sort();
  const width = Math.max(0, ...names.map((name) => name.length));
  return names.map((name) => `  ${name.padEnd(width)}  ${counts.get(name)}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
