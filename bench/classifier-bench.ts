// Classifier core throughput on Kinesis-shaped input, against the floor on the same bytes
// (base64 decode + JSON.parse + JSON.stringify of each record), in one run on one core.
import { createClassifier } from "../functions/classifier/classifier";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import type { CorpusLine } from "./corpus";
import { bestOf, round } from "./measure";

export interface ClassifierBenchResult {
  records: number;
  classified: number;
  seconds: number;
  records_per_s: number;
  MB_per_s: number;
  floor_seconds: number;
  floor_records_per_s: number;
  ratio_to_floor: number;
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

export function benchClassifier(
  config: StreamAlertConfig,
  lines: CorpusLine[],
): ClassifierBenchResult {
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
  const floor = bestOf(() => {
    for (const r of records) {
      const text = Buffer.from(r.base64, "base64").toString("utf8");
      sink += JSON.stringify(JSON.parse(text)).length;
    }
  });

  let classified = 0;
  const run = bestOf(() => {
    classified = 0;
    for (const r of records) {
      const text = Buffer.from(r.base64, "base64").toString("utf8");
      const outcome = classifiers.get(r.stream)!.classify({
        service: "kinesis",
        resource: r.stream,
        data: text,
      });
      if (outcome.ok) {
        classified += outcome.records.length;
        // what the SQS sender does with every classified record
        sink += JSON.stringify(outcome.records).length;
      }
    }
  });
  if (sink < 0) console.log(sink); // keep the work observable

  return {
    records: records.length,
    classified,
    seconds: round(run.seconds, 3),
    records_per_s: Math.round(records.length / run.seconds),
    MB_per_s: round(bytes / 1e6 / run.seconds),
    floor_seconds: round(floor.seconds, 3),
    floor_records_per_s: Math.round(records.length / floor.seconds),
    ratio_to_floor: round(floor.seconds / run.seconds),
  };
}
