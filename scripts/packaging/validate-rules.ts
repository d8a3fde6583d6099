// Build-time check of the rules the rules engine bundle will contain: every rule and matcher
// module under rules/ is loaded and registered as the engine registers them, with each rule's
// outputs checked against conf/outputs.json. A duplicate name, a rule with neither logs nor
// datatypes, an unknown matcher or a malformed or unconfigured output stops the build, naming the
// rule file, instead of surfacing at the rules engine's first cold start.
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { buildRuleRegistry } from "../../functions/shared/rules/registry";
import { loadProjectRules } from "../cli/test/project-rules";

/** The number of enabled and disabled rules; throws RuleRegistryError listing every problem. */
export async function validateProjectRules(
  projectDir: string,
  config: StreamAlertConfig,
): Promise<number> {
  const sources = await loadProjectRules(projectDir);
  const registry = buildRuleRegistry(sources.rules, sources.matchers, {
    knownOutputs: config.outputs,
  });
  return registry.rules.length;
}
