// Loads the project's rules the way the bundled rules engine sees them (every module under
// rules/), optionally padded with synthetic rules on log types no corpus record has, to show
// that a record's cost does not grow with rules that cannot apply to it.
import {
  buildRuleRegistry,
  type RuleModule,
  type RuleRegistry,
} from "../functions/shared/rules/registry";
import { rule } from "../functions/shared/rules/types";
import { projectRuleModules } from "./project-rules";

export function loadProjectRuleModules(
  root = "rules",
): Promise<{ rules: RuleModule[]; matchers: RuleModule[] }> {
  return projectRuleModules(root);
}

/** `count` rules on `synthetic:type_<n>` log types, each doing a realistic amount of work. */
export function syntheticRuleModule(count: number): RuleModule {
  const exports: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    exports[`synthetic_rule_${i}`] = rule(
      { logs: [`synthetic:type_${i % 50}`], outputs: ["slack:security"] },
      (rec) => rec.eventName === `Synthetic${i}`,
    );
  }
  return { file: "bench/synthetic-rules.ts", exports };
}

/** Only the 41 rules ported from StreamAlert's community rules (rules/community/). */
export function communityRulesOnly(modules: { rules: RuleModule[]; matchers: RuleModule[] }): {
  rules: RuleModule[];
  matchers: RuleModule[];
} {
  const isCommunity = (m: RuleModule) => m.file.split(/[\\/]/).includes("community");
  return { rules: modules.rules.filter(isCommunity), matchers: modules.matchers };
}

export function buildRegistry(
  modules: { rules: RuleModule[]; matchers: RuleModule[] },
  extra = 0,
): RuleRegistry {
  const ruleModules = extra > 0 ? [...modules.rules, syntheticRuleModule(extra)] : modules.rules;
  return buildRuleRegistry(ruleModules, modules.matchers);
}
