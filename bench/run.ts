// `npm run --silent bench -- <classifier|rules|all> [--corpus FILE] [--config-dir DIR]
//   [--records N] [--write-docs]`
// classifier / rules print one JSON line; `all` (make bench) runs everything on the generated
// corpus and, with --write-docs, writes the figures to docs/PERFORMANCE.md.
import { readFileSync } from "node:fs";
import { loadConfig } from "../functions/shared/config";
import type { StreamAlertConfig } from "../functions/shared/config/types";
import { benchClassifier } from "./classifier-bench";
import { type CorpusLine, generateCorpus } from "./corpus";
import { buildRegistry, loadProjectRuleModules } from "./load-rules";
import { benchRules, classifyCorpus } from "./rules-bench";
import { writePerformanceDoc } from "./write-docs";

interface Options {
  command: string;
  corpus?: string;
  configDir: string;
  records: number;
  writeDocs: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    command: argv[0] ?? "all",
    configDir: "conf",
    records: 100_000,
    writeDocs: false,
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--corpus") options.corpus = argv[++i];
    else if (arg === "--config-dir") options.configDir = argv[++i];
    else if (arg === "--records") options.records = Number(argv[++i]);
    else if (arg === "--write-docs") options.writeDocs = true;
    else throw new Error(`unknown argument "${arg}"`);
  }
  return options;
}

/** JSON lines `{"source": "<kinesis stream>", "data": <object or string>}`. */
export function readCorpus(file: string): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const [index, text] of readFileSync(file, "utf8").split("\n").entries()) {
    if (text.trim() === "") continue;
    const line = JSON.parse(text) as CorpusLine;
    if (typeof line.source !== "string" || line.data === undefined) {
      throw new Error(`${file}:${index + 1}: expected {"source": "<stream>", "data": ...}`);
    }
    lines.push(line);
  }
  return lines;
}

function defaultStream(config: StreamAlertConfig): string {
  for (const cluster of Object.values(config.clusters)) {
    const stream = Object.keys(cluster.data_sources.kinesis ?? {})[0];
    if (stream) return stream;
  }
  throw new Error(`no Kinesis stream in the data_sources of ${config.dir}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { config } = loadConfig(options.configDir);
  const corpus = options.corpus
    ? readCorpus(options.corpus)
    : [...generateCorpus(options.records, defaultStream(config))];

  if (options.command === "classifier") {
    const r = benchClassifier(config, corpus);
    const { records, classified, seconds, records_per_s, MB_per_s } = r;
    console.log(JSON.stringify({ records, classified, seconds, records_per_s, MB_per_s }));
    return;
  }
  if (options.command === "rules") {
    const registry = buildRegistry(await loadProjectRuleModules());
    const r = await benchRules(classifyCorpus(config, corpus), registry);
    const { records, rules, alerts, seconds, records_per_s, floor_records_per_s } = r;
    console.log(
      JSON.stringify({ records, rules, alerts, seconds, records_per_s, floor_records_per_s }),
    );
    return;
  }
  if (options.command === "all") {
    const classifier = benchClassifier(config, corpus);
    console.log("classifier", JSON.stringify(classifier));
    const modules = await loadProjectRuleModules();
    const classified = classifyCorpus(config, corpus);
    const base = buildRegistry(modules).rules.length;
    const rules = [];
    for (const total of [base, 100, 500]) {
      const r = await benchRules(classified, buildRegistry(modules, Math.max(0, total - base)));
      console.log("rules", JSON.stringify(r));
      rules.push(r);
    }
    if (options.writeDocs) writePerformanceDoc({ corpusRecords: corpus.length, classifier, rules });
    return;
  }
  throw new Error(`unknown benchmark "${options.command}" (classifier, rules, all)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
