// The rules under test are always the project's own (rules/ beside scripts/), loaded the way
// the rules engine bundle sees them: every rule and matcher module, and the user publishers.
import { join, relative, resolve } from "node:path";
import { discoverPublisherFiles } from "../../../functions/alert_processor/publishers/discover";
import type { PublisherModule } from "../../../functions/alert_processor/publishers/registry";
import { discoverRuleFiles, isMatcherFile } from "../../../functions/rules_engine/discover";
import type { RuleModule } from "../../../functions/shared/rules/registry";

export const PROJECT_ROOT = resolve(__dirname, "..", "..", "..");

export interface RuleSources {
  rules: RuleModule[];
  matchers: RuleModule[];
  /** loaded only when a test event has publisher_tests */
  publishers?: () => Promise<PublisherModule[]>;
}

export async function loadProjectRules(projectRoot = PROJECT_ROOT): Promise<RuleSources> {
  const rulesRoot = join(projectRoot, "rules");
  const rules: RuleModule[] = [];
  const matchers: RuleModule[] = [];
  for (const path of discoverRuleFiles(rulesRoot)) {
    const file = relative(projectRoot, path);
    (isMatcherFile(file) ? matchers : rules).push({ file, exports: await importModule(path) });
  }
  return {
    rules,
    matchers,
    publishers: async () => {
      const modules: PublisherModule[] = [];
      for (const path of discoverPublisherFiles(rulesRoot)) {
        modules.push({ file: relative(projectRoot, path), exports: await importModule(path) });
      }
      return modules;
    },
  };
}

async function importModule(path: string): Promise<Record<string, unknown>> {
  return (await import(resolve(path))) as Record<string, unknown>;
}
