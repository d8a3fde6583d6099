// `npm run --silent bench -- <classifier|rules|s3-memory|bundles|all> [options]` (bench/launch.ts
// bundles this file and runs it on node) — `make bench` runs
// `all --write-docs`. classifier / rules print one JSON line (the format of the issues, so other
// corpora and configs can be compared); s3-memory and bundles print their figures as JSON;
// `all` prints each benchmark's command and figures and, with --write-docs, rewrites the
// generated part of docs/PERFORMANCE.md.
import { loadConfig } from "../functions/shared/config";
import { benchBundles } from "./bundle-bench";
import { benchClassifier } from "./classifier-bench";
import { benchmarkCorpus } from "./corpus-source";
import { buildRegistry, communityRulesOnly, loadProjectRuleModules } from "./load-rules";
import { MachineWatch } from "./machine";
import { benchRules, benchRulesSeries, classifyCorpus, recordsWithoutRules } from "./rules-bench";
import { benchS3Memory } from "./s3-memory-bench";
import { parseSize } from "./s3-object";
import { type AllFigures, writePerformanceDoc } from "./write-docs";

const USAGE = `usage: npm run --silent bench -- <classifier|rules|s3-memory|bundles|all> [options]
  --corpus FILE      JSON lines {"source": "<kinesis stream>", "data": <object or string>}
  --config-dir DIR   conf/ to load (default conf; a StreamAlert conf/ with conf/schemas/ works)
  --records N        generated corpus size when no --corpus (default 100000)
  --runs N           timed runs per measure, the best is kept (default 3)
  --size SIZE        uncompressed size of the S3 object (default 1GiB; e.g. 64MiB)
  --cluster NAME     cluster for the build benchmark (default prod)
  --write-docs       (all) rewrite the generated part of docs/PERFORMANCE.md`;

export interface BenchOptions {
  command: string;
  corpus?: string;
  configDir: string;
  records: number;
  runs: number;
  size: number;
  sizeText: string;
  cluster: string;
  writeDocs: boolean;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    command: argv[0] ?? "all",
    configDir: "conf",
    records: 100_000,
    runs: 3,
    size: parseSize("1GiB"),
    sizeText: "1GiB",
    cluster: "prod",
    writeDocs: false,
  };
  const value = (i: number) => {
    const next = argv[i + 1];
    if (next === undefined) throw new Error(`${argv[i]} needs a value\n${USAGE}`);
    return next;
  };
  const count = (i: number) => {
    const n = Number(value(i));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${argv[i]} must be a positive integer`);
    return n;
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--corpus") options.corpus = value(i++);
    else if (arg === "--config-dir") options.configDir = value(i++);
    else if (arg === "--records") options.records = count(i++);
    else if (arg === "--runs") options.runs = count(i++);
    else if (arg === "--size") {
      options.sizeText = value(i++);
      options.size = parseSize(options.sizeText);
    } else if (arg === "--cluster") options.cluster = value(i++);
    else if (arg === "--write-docs") options.writeDocs = true;
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return options;
}

/** The command line that reproduces one benchmark of an `all` run. */
export function commandFor(benchmark: string, o: BenchOptions): string {
  const common = [
    o.configDir !== "conf" ? `--config-dir ${o.configDir}` : "",
    o.runs !== 3 ? `--runs ${o.runs}` : "",
  ];
  const source = o.corpus ? `--corpus ${o.corpus}` : `--records ${o.records}`;
  const args: Record<string, string[]> = {
    classifier: [source, ...common],
    rules: [source, ...common],
    "s3-memory": [`--size ${o.sizeText}`, common[0]],
    bundles: [`--cluster ${o.cluster}`],
  };
  return ["npm run --silent bench --", benchmark, ...(args[benchmark] ?? [])]
    .filter(Boolean)
    .join(" ");
}

export async function runAll(options: BenchOptions, log = console.log): Promise<AllFigures> {
  const watch = new MachineWatch();
  const { config } = loadConfig(options.configDir);
  const corpus = benchmarkCorpus(config, options);

  log(`$ ${commandFor("classifier", options)}`);
  const classifier = await benchClassifier(config, corpus, options.runs);
  log(JSON.stringify(classifier));

  log(`$ ${commandFor("rules", options)}  (and the rule counts below)`);
  const modules = await loadProjectRuleModules();
  const classified = classifyCorpus(config, corpus);
  const projectRules = buildRegistry(modules);
  const withoutRules = recordsWithoutRules(classified, projectRules);
  const base = projectRules.rules.length;
  const registries = [
    buildRegistry(communityRulesOnly(modules)),
    projectRules,
    ...[100, 500].filter((n) => n > base).map((n) => buildRegistry(modules, n - base)),
  ];
  const allRecords = await benchRulesSeries(classified, registries, options.runs);
  // the small no-rule subset gets more rounds: its per-record figure is the flatness check
  const noRule = await benchRulesSeries(withoutRules, registries, options.runs * 3);
  const rules = allRecords.map((all, index) => ({ all, withoutRules: noRule[index] }));
  for (const r of rules) log(JSON.stringify({ ...r.all, without_rules: r.withoutRules }));

  log(`$ ${commandFor("s3-memory", options)}`);
  const s3 = await benchS3Memory(config, options.size);
  log(JSON.stringify(s3));

  log(`$ ${commandFor("bundles", options)}`);
  const bundles = await benchBundles(options.cluster);
  log(JSON.stringify(bundles));

  const figures: AllFigures = {
    machine: watch.finish(),
    commands: {
      classifier: commandFor("classifier", options),
      rules: commandFor("rules", options),
      s3: commandFor("s3-memory", options),
      bundles: commandFor("bundles", options),
    },
    corpusRecords: corpus.length,
    corpusSource: options.corpus ?? "generated",
    classifier,
    rules,
    withoutRulesLogTypes: [...new Set(withoutRules.map((r) => r.log_schema_type))].sort(),
    s3,
    bundles,
  };
  if (options.writeDocs) log(`wrote ${writePerformanceDoc(figures)}`);
  return figures;
}

async function main(options: BenchOptions) {
  if (options.command === "all") {
    await runAll(options);
    return;
  }
  const { config } = loadConfig(options.configDir);
  if (options.command === "classifier") {
    const r = await benchClassifier(config, benchmarkCorpus(config, options), options.runs);
    const { records, classified, seconds, records_per_s, MB_per_s } = r;
    console.log(JSON.stringify({ records, classified, seconds, records_per_s, MB_per_s }));
  } else if (options.command === "rules") {
    const registry = buildRegistry(await loadProjectRuleModules());
    const classified = classifyCorpus(config, benchmarkCorpus(config, options));
    const r = await benchRules(classified, registry, options.runs);
    const { records, rules, alerts, seconds, records_per_s, floor_records_per_s } = r;
    console.log(
      JSON.stringify({ records, rules, alerts, seconds, records_per_s, floor_records_per_s }),
    );
  } else if (options.command === "s3-memory") {
    console.log(JSON.stringify(await benchS3Memory(config, options.size)));
  } else if (options.command === "bundles") {
    console.log(JSON.stringify(await benchBundles(options.cluster)));
  } else {
    throw new Error(`unknown benchmark "${options.command}"\n${USAGE}`);
  }
}

if (require.main === module) {
  Promise.resolve()
    .then(() => main(parseArgs(process.argv.slice(2))))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
