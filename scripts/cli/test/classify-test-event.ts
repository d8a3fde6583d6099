// Runs one wrapped test event through the classifier's real I/O path (processEvent: input
// decoding, classification, the SQS hand-off) with in-memory senders that keep what would
// have been sent to the rules engine.
import type { ClassifierCore } from "../../../functions/classifier/classifier";
import { InMemoryClassifierMetrics } from "../../../functions/classifier/metrics";
import { processEvent } from "../../../functions/classifier/process-event";
import type { ClassifierLogger, RecordSender } from "../../../functions/classifier/senders/types";
import type { RawRecord } from "../../../functions/classifier/types";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";
import type { TestLambdaEvent } from "./lambda-event";

export interface ClassificationResult {
  /** what the classifier would have sent to the rules engine's queue */
  records: ClassifiedRecord[];
  /** why input records were not classified (decode errors, no matching schema, ...) */
  problems: string[];
  /** for `test classifier`: raw records that more than one schema matches, with those schemas */
  ambiguous: Array<{ logTypes: string[] }>;
}

export async function classifyTestEvent(
  classifier: ClassifierCore,
  wrapped: TestLambdaEvent,
  options: { checkAmbiguity?: boolean } = {},
): Promise<ClassificationResult> {
  const sqs = capturingSender();
  const problems: string[] = [];
  const seen: RawRecord[] = [];
  // processEvent only needs `classify`; keep each raw record for the ambiguity check
  const watched = {
    cluster: classifier.cluster,
    classify(raw: RawRecord) {
      if (options.checkAmbiguity) seen.push(raw);
      return classifier.classify(raw);
    },
  };
  const result = await processEvent(wrapped.event, {
    classifier: watched,
    sqs,
    s3: wrapped.s3,
    metrics: new InMemoryClassifierMetrics(),
    logger: problemLogger(problems),
  });
  for (const source of result.failedSources) problems.push(`could not read ${source}`);
  const ambiguous: ClassificationResult["ambiguous"] = [];
  for (const raw of seen) {
    const logTypes = classifier.classifyAll(raw).map((match) => match.logType);
    if (logTypes.length > 1) ambiguous.push({ logTypes });
  }
  return { records: sqs.records, problems, ambiguous };
}

function capturingSender(): RecordSender & { records: ClassifiedRecord[] } {
  const records: ClassifiedRecord[] = [];
  return {
    records,
    failedSources: new Set<string>(),
    async add(record) {
      records.push(record);
    },
    async flush() {},
  };
}

/** Keeps the classifier's error lines (their `message`) as problems; drops the rest. */
function problemLogger(problems: string[]): ClassifierLogger {
  const ignore = () => undefined;
  return {
    error(input: unknown, ...extra: unknown[]) {
      const details = extra.find((item) => typeof item === "object" && item !== null) as
        | { message?: unknown; error?: unknown }
        | undefined;
      const detail = details?.message ?? details?.error;
      problems.push(detail === undefined ? String(input) : String(detail));
    },
    warn: ignore,
    info: ignore,
    debug: ignore,
  };
}
