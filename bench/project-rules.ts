// The project's rule and matcher modules, found on disk and imported at run time. This is what
// jest and tsx runs use; `npm run bench` (bench/launch.ts) bundles the benchmarks and swaps this
// module for one that imports every rule statically, as the bundled rules engine does.
import { resolve } from "node:path";
import { discoverRuleFiles, isMatcherFile } from "../functions/rules_engine/discover";
import type { RuleModule } from "../functions/shared/rules/registry";

export async function projectRuleModules(
  root = "rules",
): Promise<{ rules: RuleModule[]; matchers: RuleModule[] }> {
  const rules: RuleModule[] = [];
  const matchers: RuleModule[] = [];
  for (const file of discoverRuleFiles(root)) {
    const exports = (await import(resolve(file))) as Record<string, unknown>;
    (isMatcherFile(file) ? matchers : rules).push({ file, exports });
  }
  return { rules, matchers };
}
