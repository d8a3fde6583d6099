// Loads the project's rule library (rules/**) the way the build does, for the fast self-check
// tests: rule modules, matcher modules, and every test event file beside the rules.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { discoverRuleFiles, isMatcherFile } from "../../functions/rules_engine/discover";
import { buildRuleRegistry, type RuleModule } from "../../functions/shared/rules/registry";

export const RULES_DIR = join(__dirname, "..", "..", "rules");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every file below rules/ with the given extension, as absolute paths, sorted. */
export function ruleFiles(extension: ".ts" | ".json"): string[] {
  return walk(RULES_DIR)
    .filter((file) => file.endsWith(extension))
    .sort();
}

async function loadModules(files: string[]): Promise<RuleModule[]> {
  return Promise.all(
    files.map(async (file) => ({
      file: relative(RULES_DIR, file),
      exports: (await import(file)) as Record<string, unknown>,
    })),
  );
}

/** The outputs conf/outputs.json configures, so every rule output must exist there. */
function configuredOutputs(): Record<string, Record<string, string> | string[]> {
  return JSON.parse(readFileSync(join(RULES_DIR, "..", "conf", "outputs.json"), "utf8"));
}

/**
 * The registry of every rule and matcher under rules/, found as the build finds them, with
 * outputs checked against conf/outputs.json (throws on any rule problem).
 */
export async function loadRuleLibrary() {
  const files = discoverRuleFiles(RULES_DIR);
  const matcherModules = await loadModules(files.filter(isMatcherFile));
  const ruleModules = await loadModules(files.filter((file) => !isMatcherFile(file)));
  return buildRuleRegistry(ruleModules, matcherModules, { knownOutputs: configuredOutputs() });
}
