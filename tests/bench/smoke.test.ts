// The benchmarks still run (tiny sizes, no timing asserted): `make bench` must not be the first
// to find out that a refactor broke one. The build/cold-start benchmark is left to `make bench`:
// a full build takes longer than a test may.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchClassifier } from "../../bench/classifier-bench";
import { benchmarkCorpus, readCorpus } from "../../bench/corpus-source";
import { buildRegistry, communityRulesOnly, loadProjectRuleModules } from "../../bench/load-rules";
import { benchRules, classifyCorpus, recordsWithoutRules } from "../../bench/rules-bench";
import { benchS3Memory } from "../../bench/s3-memory-bench";
import { parseSize } from "../../bench/s3-object";
import { loadConfig } from "../../functions/shared/config";

const { config } = loadConfig("conf");
const corpus = benchmarkCorpus(config, { records: 200 });

test("the classifier benchmark classifies every generated record", async () => {
  const result = await benchClassifier(config, corpus, 1);
  expect(result.records).toBe(200);
  expect(result.failed).toBe(0);
  expect(result.classified).toBeGreaterThanOrEqual(200);
  expect(result.output_MB).toBeGreaterThan(0);
});

test("the classifier benchmark takes --corpus lines whose data is text, not JSON", async () => {
  const source = corpus[0].source;
  const lines = [corpus[0], { source, data: "not json, a text line" }];
  const result = await benchClassifier(config, lines, 1);
  expect(result.records).toBe(2);
  expect(result.failed).toBe(1); // no schema of conf/ takes that text on this stream
  expect(result.classified).toBeGreaterThanOrEqual(1);
});

test("the rules benchmark runs the project's rules on the classified corpus and raises alerts", async () => {
  const modules = await loadProjectRuleModules();
  const classified = classifyCorpus(config, corpus);
  const all = buildRegistry(modules);
  const community = buildRegistry(communityRulesOnly(modules));
  expect(community.rules.length).toBe(41);
  const padded = buildRegistry(modules, 500 - all.rules.length);
  expect(padded.rules.length).toBe(500);
  const result = await benchRules(classified, all, 1);
  expect(result.records).toBe(classified.length);
  expect(result.alerts).toBeGreaterThan(0);
  // padding with rules of other log types changes no alert
  expect((await benchRules(classified, padded, 1)).alerts).toBe(result.alerts);
  const withoutRules = recordsWithoutRules(classified, all);
  expect(withoutRules.length).toBeLessThan(classified.length);
  expect((await benchRules(withoutRules, padded, 1)).alerts).toBe(0);
});

test("--corpus reads JSON lines and names the line that is not one", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
  try {
    const file = join(dir, "corpus.jsonl");
    writeFileSync(file, `${JSON.stringify(corpus[0])}\n\n{"source": "s"}\n`);
    expect(() => readCorpus(file)).toThrow(`${file}:3: expected {"source"`);
    writeFileSync(file, `${JSON.stringify(corpus[0])}\n`);
    expect(readCorpus(file)).toEqual([corpus[0]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the S3 memory benchmark streams a small gzipped object through the classifier", async () => {
  const result = await benchS3Memory(config, parseSize("256KiB"));
  expect(result.failed).toBe(0);
  expect(result.records).toBe(result.lines);
  expect(result.classified).toBe(result.events);
  expect(result.sqsRecords).toBe(result.events);
  expect(result.peakRssMB).toBeGreaterThan(0);
}, 20_000);
