// The functions log through Powertools in Lambda; in a local run their error and warning lines
// are collected instead, for the summary: failed parses with their file, inputs that could not
// be read, and every other problem (a rule that threw, a table refresh that failed).
import type { ClassifierLogger } from "../../../functions/classifier/senders/types";
import type { RecordProblem } from "./summary";

export interface RunLog {
  failedParses: RecordProblem[];
  unread: string[];
  problems: string[];
}

/** Failed parses kept with their reason; the rest are only counted. */
const MAX_KEPT = 20;

export interface CollectingOptions {
  /** the input file being classified: failed parses and unread inputs are attributed to it */
  file?: string;
  log?: RunLog;
  /** messages not worth repeating (reported elsewhere in the summary) */
  ignore?: string[];
}

export function collectingLogger(
  problems: string[],
  options: CollectingOptions = {},
): ClassifierLogger {
  const ignored = new Set([
    "more bad records were counted but not logged",
    ...(options.ignore ?? []),
  ]);
  const note = (level: "error" | "warning", input: unknown, extra: unknown[]) => {
    const message = String(input);
    if (ignored.has(message)) return;
    const details = extra.find((item) => typeof item === "object" && item !== null) as
      | Record<string, unknown>
      | undefined;
    const { file, log } = options;
    if (file && log && message === "record not classified") {
      if (log.failedParses.length < MAX_KEPT) {
        log.failedParses.push({
          file,
          message: String(details?.message ?? details?.reason ?? message),
          sample: typeof details?.record === "string" ? details.record : undefined,
        });
      }
      return;
    }
    if (file && log && message === "could not read input") {
      log.unread.push(
        `${file}: could not read ${String(details?.source)}: ${String(details?.error)}`,
      );
      return;
    }
    const where = file ? `${file}: ` : "";
    const context = details ? ` ${JSON.stringify(details)}` : "";
    if (problems.length < 100) problems.push(`${level}: ${where}${message}${context}`);
  };
  const ignore = () => undefined;
  return {
    error: (input: unknown, ...extra: unknown[]) => note("error", input, extra),
    warn: (input: unknown, ...extra: unknown[]) => note("warning", input, extra),
    info: ignore,
    debug: ignore,
  };
}
