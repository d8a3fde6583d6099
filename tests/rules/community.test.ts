// Structure of the rule library: it builds, and every rule has a test event file beside it with
// an event that triggers it and one that does not. Whether the events behave is checked by
// `streamalert test rules`, which `make test` runs over every rules/**/*.json.
import { existsSync } from "node:fs";
import { setLookupTableReader } from "../../functions/shared/rules/lookup-tables";
import type { RuleRegistry } from "../../functions/shared/rules/registry";
import { loadTestEventFile } from "../../scripts/cli/test/test-event";
import { loadRuleLibrary, RULES_DIR, ruleFiles } from "./rule-library";

let registry: RuleRegistry;
beforeAll(async () => {
  registry = await loadRuleLibrary();
});
afterEach(() => setLookupTableReader(undefined));

const eventFiles = ruleFiles(".json");
describe("rule library", () => {
  it("builds: unique names, known matchers, outputs configured in conf/outputs.json", () => {
    expect(registry.rules.length).toBeGreaterThanOrEqual(90);
  });

  it("has a test event file beside every rule, with a triggering and a quiet event", () => {
    for (const rule of registry.rules) {
      const file = `${RULES_DIR}/${rule.file.replace(/\.ts$/, ".json")}`;
      expect({ rule: rule.name, exists: existsSync(file) }).toEqual({
        rule: rule.name,
        exists: true,
      });
      const events = loadTestEventFile(file).events;
      const triggers = events.filter((event) => event.trigger_rules?.includes(rule.name));
      const quiet = events.filter((event) => !event.trigger_rules?.includes(rule.name));
      expect({ rule: rule.name, triggers: triggers.length > 0, quiet: quiet.length > 0 }).toEqual({
        rule: rule.name,
        triggers: true,
        quiet: true,
      });
    }
  });

  it("every event file is valid", () => {
    for (const file of eventFiles) expect(loadTestEventFile(file).errors).toEqual([]);
  });
});
