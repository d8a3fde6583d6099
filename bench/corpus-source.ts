// Where a benchmark's records come from: a JSON-lines file (`--corpus`), or the seeded generator
// on the Kinesis stream of conf/ that carries the generated log types.
import { readFileSync } from "node:fs";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import { CORPUS_LOG_FAMILIES, type CorpusLine, generateCorpus } from "./corpus";

/** JSON lines `{"source": "<kinesis stream>", "data": <object or string>}`. */
export function readCorpus(file: string): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const [index, text] of readFileSync(file, "utf8").split("\n").entries()) {
    if (text.trim() === "") continue;
    let line: CorpusLine;
    try {
      line = JSON.parse(text) as CorpusLine;
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not JSON: ${(error as Error).message}`);
    }
    if (typeof line?.source !== "string" || line.data === undefined) {
      throw new Error(`${file}:${index + 1}: expected {"source": "<stream>", "data": ...}`);
    }
    lines.push(line);
  }
  return lines;
}

/** The first Kinesis stream whose data_sources carry every log family the generator writes. */
export function corpusStream(config: StreamAlertConfig): string {
  for (const cluster of Object.values(config.clusters)) {
    for (const [stream, logs] of Object.entries(cluster.data_sources.kinesis ?? {})) {
      if (CORPUS_LOG_FAMILIES.every((family) => logs.includes(family))) return stream;
    }
  }
  throw new Error(
    `no Kinesis stream in the data_sources of ${config.dir} carries ${CORPUS_LOG_FAMILIES.join(", ")}: pass --corpus FILE`,
  );
}

export function benchmarkCorpus(
  config: StreamAlertConfig,
  options: { corpus?: string; records: number },
): CorpusLine[] {
  if (options.corpus) return readCorpus(options.corpus);
  return [...generateCorpus(options.records, corpusStream(config))];
}
