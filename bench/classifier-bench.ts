// Classifier core throughput on Kinesis-shaped input, against the floor on the same bytes
// (base64 decode + JSON.parse + JSON.stringify of each record), in one run on one core.
// The classifier run is: base64 decode, classify, the JSON text of each classified record in one
// piece (what the SQS sender sends for each). It is also timed without that last step, and the
// sizes of input and output are reported, so a miss can be traced to classification or
// serialization. The three are timed interleaved in slices of the corpus (bestOfSlices).
import { createClassifier } from "../functions/classifier/classifier";
import { classifiedRecordJson } from "../functions/classifier/record-json";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import type { CorpusLine } from "./corpus";
import { bestOfSlices, round } from "./measure";

/** Records per slice of the interleaved timing (about 50 to 150 ms of work each). */
const SLICE = 5000;

export interface ClassifierBenchResult {
  records: number;
  classified: number;
  failed: number;
  seconds: number;
  records_per_s: number;
  MB_per_s: number;
  floor_seconds: number;
  floor_records_per_s: number;
  ratio_to_floor: number;
  /** decode + classify, without serializing the output */
  classify_only_seconds: number;
  classify_only_ratio_to_floor: number;
  input_MB: number;
  output_MB: number;
}

interface KinesisShaped {
  stream: string;
  base64: string;
}

/** The cluster whose Kinesis data sources include `stream`. */
export function clusterForStream(config: StreamAlertConfig, stream: string): string {
  for (const [name, cluster] of Object.entries(config.clusters)) {
    if (cluster.data_sources.kinesis?.[stream]) return name;
  }
  throw new Error(`no cluster in ${config.dir} has the Kinesis stream "${stream}" in data_sources`);
}

export function toKinesisShaped(lines: CorpusLine[]): KinesisShaped[] {
  return lines.map((line) => {
    const text = typeof line.data === "string" ? line.data : JSON.stringify(line.data);
    return { stream: line.source, base64: Buffer.from(text, "utf8").toString("base64") };
  });
}

/**
 * The length of `json`, once its text is in one piece. Spliced JSON is a tree of string pieces
 * until something reads its characters (the SQS sender does, as the floor's JSON.stringify
 * writes its output out): reading one character joins the pieces here, so that cost is timed.
 */
function flatLength(json: string): number {
  return json.charCodeAt(json.length >> 1) >= 0 ? json.length : 0;
}

export async function benchClassifier(
  config: StreamAlertConfig,
  lines: CorpusLine[],
  runs = 3,
): Promise<ClassifierBenchResult> {
  const records = toKinesisShaped(lines);
  const classifiers = new Map<string, ReturnType<typeof createClassifier>>();
  for (const r of records) {
    if (!classifiers.has(r.stream)) {
      classifiers.set(r.stream, createClassifier(config, clusterForStream(config, r.stream)));
    }
  }
  let bytes = 0;
  for (const r of records) bytes += Buffer.byteLength(r.base64, "base64");

  let sink = 0;
  const floorPass = (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const text = Buffer.from(records[index].base64, "base64").toString("utf8");
      try {
        sink += JSON.stringify(JSON.parse(text)).length;
      } catch {
        sink++; // a text record (CSV, syslog, ...) of a --corpus file: decoded, not JSON
      }
    }
  };

  let classified = 0;
  let failed = 0;
  let outputBytes = 0;
  const classifyAll = (serialize: boolean) => (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const r = records[index];
      const text = Buffer.from(r.base64, "base64").toString("utf8");
      const outcome = classifiers.get(r.stream)!.classify({
        service: "kinesis",
        resource: r.stream,
        data: text,
      });
      if (!outcome.ok) {
        failed++;
        continue;
      }
      classified += outcome.records.length;
      // what the SQS sender does with every classified record
      if (serialize)
        for (const record of outcome.records)
          outputBytes += flatLength(classifiedRecordJson(record));
      else sink += outcome.records.length;
    }
  };
  const [floor, classifyOnly, run] = await bestOfSlices(
    [floorPass, classifyAll(false), classifyAll(true)],
    records.length,
    SLICE,
    runs,
  );
  // the counts of one whole pass (the timed passes add up over rounds)
  classified = 0;
  failed = 0;
  outputBytes = 0;
  classifyAll(true)(0, records.length);
  if (sink < 0) console.log(sink); // keep the work observable

  return {
    records: records.length,
    classified,
    failed,
    seconds: round(run.seconds, 3),
    records_per_s: Math.round(records.length / run.seconds),
    MB_per_s: round(bytes / 1e6 / run.seconds),
    floor_seconds: round(floor.seconds, 3),
    floor_records_per_s: Math.round(records.length / floor.seconds),
    ratio_to_floor: round(floor.seconds / run.seconds),
    classify_only_seconds: round(classifyOnly.seconds, 3),
    classify_only_ratio_to_floor: round(floor.seconds / classifyOnly.seconds),
    input_MB: round(bytes / 1e6),
    output_MB: round(outputBytes / 1e6),
  };
}
