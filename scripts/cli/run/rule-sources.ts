// The rules, matchers and publishers of a local run, discovered in --rules-dir the way the build
// finds them for the bundles (functions/rules_engine/discover.ts, publishers/discover.ts) and the
// way `streamalert test rules` loads them (scripts/cli/test/project-rules.ts).
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { discoverPublisherFiles } from "../../../functions/alert_processor/publishers/discover";
import {
  buildPublisherRegistry,
  type PublisherModule,
  type PublisherRegistry,
} from "../../../functions/alert_processor/publishers/registry";
import { discoverRuleFiles, isMatcherFile } from "../../../functions/rules_engine/discover";
import {
  buildRuleRegistry,
  type RuleModule,
  type RuleRegistry,
} from "../../../functions/shared/rules/registry";

export interface LoadedRules {
  registry: RuleRegistry;
  publishers: PublisherRegistry;
}

export async function loadRulesDir(rulesDir: string): Promise<LoadedRules> {
  if (!existsSync(rulesDir) || !statSync(rulesDir).isDirectory()) {
    throw new Error(`rules folder ${rulesDir} does not exist: pass --rules-dir <folder of rules>`);
  }
  const rules: RuleModule[] = [];
  const matchers: RuleModule[] = [];
  for (const file of discoverRuleFiles(rulesDir)) {
    (isMatcherFile(file) ? matchers : rules).push({ file, exports: await importModule(file) });
  }
  const publishers: PublisherModule[] = [];
  for (const file of discoverPublisherFiles(rulesDir)) {
    publishers.push({ file, exports: await importModule(file) });
  }
  return {
    registry: buildRuleRegistry(rules, matchers),
    publishers: buildPublisherRegistry(publishers),
  };
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (await import(resolve(file))) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot load ${file}: ${error instanceof Error ? error.message : error}`);
  }
}
