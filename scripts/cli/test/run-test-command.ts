// `streamalert test rules|classifier` (SPEC §4.6): the whole run, in-process, returning the exit
// code — 0 all passed, 1 a test failed, 2 a test file (or the config, or the rules) is invalid.
import { basename } from "node:path";
import { composePublication } from "../../../functions/alert_processor/publishers/compose";
import { buildPublisherRegistry } from "../../../functions/alert_processor/publishers/registry";
import { type ClassifierCore, createClassifier } from "../../../functions/classifier/classifier";
import { formatConfigIssue, loadConfig } from "../../../functions/shared/config";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import { setLookupTableReader } from "../../../functions/shared/rules/lookup-tables";
import { buildRuleRegistry, type RuleRegistry } from "../../../functions/shared/rules/registry";
import { loadProjectRules, type RuleSources } from "./project-rules";
import type { ComposeForOutput } from "./publisher-tests";
import { type TestCommandIo, TestReport, type Verbosity } from "./report";
import { runTestEvent, type TestRunContext } from "./run-test-event";
import { loadTestEventFile, type TestEvent } from "./test-event";
import { findTestFiles } from "./test-files";

export type { TestCommandIo } from "./report";

export interface TestCommandOptions {
  /** `rules`: classify and run the rules; `classifier`: classification only */
  command: "rules" | "classifier";
  /** test event files by name (with or without .json) or path */
  testFiles?: string[];
  /** only the events that expect one of these rules (or sit in a file named after one) */
  testRules?: string[];
  /** where test event files are looked for, recursively (default "rules") */
  rulesDir?: string | string[];
  /** a conf/ folder, StreamAlert's layout included (default "conf") */
  configDir?: string;
  verbose?: boolean;
  quiet?: boolean;
  /** the rules under test; default every module under the project's rules/ (tests pass others) */
  ruleSources?: RuleSources;
  now?: () => number;
}

export async function runTestCommand(
  options: TestCommandOptions,
  io: TestCommandIo,
): Promise<number> {
  const verbosity: Verbosity = options.quiet ? "quiet" : options.verbose ? "verbose" : "normal";
  const report = new TestReport(io, verbosity);
  const classifierMode = options.command === "classifier";
  const stop = (message: string) => {
    report.fatal(message);
    report.finish();
    return 2;
  };

  let config: StreamAlertConfig;
  try {
    const loaded = loadConfig(options.configDir ?? "conf");
    config = loaded.config;
    for (const warning of loaded.warnings)
      report.info(`config warning: ${formatConfigIssue(warning)}`);
  } catch (error) {
    return stop(`cannot load the config: ${messageOf(error)}`);
  }
  const selection = findTestFiles([options.rulesDir ?? "rules"].flat(), options.testFiles);
  if (selection.missing.length > 0) {
    return stop(`no such test file: ${selection.missing.join(", ")}`);
  }
  let registry: RuleRegistry;
  let sources: RuleSources = { rules: [], matchers: [] };
  try {
    if (!classifierMode) sources = options.ruleSources ?? (await loadProjectRules());
    registry = buildRuleRegistry(sources.rules, sources.matchers);
  } catch (error) {
    return stop(`cannot load the rules: ${messageOf(error)}`);
  }

  const ctx = runContext(config, registry, sources, classifierMode, options.now ?? Date.now);
  const wantedRules = new Set(options.testRules ?? []);
  const expectedSomewhere = new Set<string>();
  let badFiles = false;
  try {
    for (const file of selection.files) {
      const loaded = loadTestEventFile(file);
      if (loaded.errors.length > 0) {
        badFiles = true;
        report.badFile(file, loaded.errors);
        continue;
      }
      report.warnings(file, loaded.warnings);
      const stem = basename(file, ".json");
      const results = [];
      for (const [index, event] of loaded.events.entries()) {
        for (const name of event.trigger_rules ?? []) expectedSomewhere.add(name);
        if (!classifierMode && !selected(event, stem, wantedRules)) continue;
        results.push(await runTestEvent(event, index, ctx));
      }
      report.file(file, results);
    }
  } finally {
    setLookupTableReader(undefined);
  }

  if (!classifierMode) {
    if (wantedRules.size > 0) {
      const unknown = [...wantedRules].filter((name) => !registry.get(name)).sort();
      report.untestedRules("--test-rules names no such rule", unknown);
      const untested = [...wantedRules].filter(
        (name) => registry.get(name) && !expectedSomewhere.has(name),
      );
      report.untestedRules("Rules with no test event", untested.sort());
    } else if (!options.testFiles || options.testFiles.length === 0) {
      const untested = registry.rules
        .filter((rule) => !rule.disabled && !expectedSomewhere.has(rule.name))
        .map((rule) => rule.name);
      report.untestedRules("Rules with no test event", untested.sort());
    }
  }
  report.finish();
  if (badFiles) return 2;
  return report.failed > 0 ? 1 : 0;
}

function selected(event: TestEvent, fileStem: string, wanted: ReadonlySet<string>): boolean {
  if (wanted.size === 0) return true;
  return wanted.has(fileStem) || (event.trigger_rules ?? []).some((name) => wanted.has(name));
}

/** One compiled classifier per cluster and one registry, shared by every event of the run. */
function runContext(
  config: StreamAlertConfig,
  registry: RuleRegistry,
  sources: RuleSources,
  classifyOnly: boolean,
  now: () => number,
): TestRunContext {
  const clusterOf = new Map<string, string>();
  for (const [name, cluster] of Object.entries(config.clusters)) {
    for (const [service, resources] of Object.entries(cluster.data_sources)) {
      for (const resource of Object.keys(resources ?? {})) {
        const key = `${service}\u0000${resource}`;
        if (!clusterOf.has(key)) clusterOf.set(key, name);
      }
    }
  }
  const classifiers = new Map<string, ClassifierCore>();
  let composer: Promise<ComposeForOutput> | undefined;
  return {
    config,
    registry,
    classifyOnly,
    now,
    classifierFor(service, source) {
      const cluster = clusterOf.get(`${service}\u0000${source}`);
      if (cluster === undefined) return undefined;
      let classifier = classifiers.get(cluster);
      if (!classifier) {
        classifier = createClassifier(config, cluster);
        classifiers.set(cluster, classifier);
      }
      return classifier;
    },
    composer() {
      composer ??= (async () => {
        const publishers = buildPublisherRegistry((await sources.publishers?.()) ?? []);
        return (alert, output) => composePublication(alert, output, publishers);
      })();
      return composer;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
