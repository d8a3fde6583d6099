// Fast self-check of the rule library: runs each test event's record straight through the
// registry's rule selection and evaluation (no classifier, so no schema defaults and no
// normalization). The real check is `streamalert test rules`, which supersedes this.
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { IOC_KEY, type LogRecord } from "../../functions/shared/classified-record";
import { dataHasValue } from "../../functions/shared/rules";
import { evaluateRule } from "../../functions/shared/rules/evaluate";
import { setLookupTableReader } from "../../functions/shared/rules/lookup-tables";
import type { RuleRegistry } from "../../functions/shared/rules/registry";
import { loadTestEventFile, type TestEvent } from "../../scripts/cli/test/test-event";
import { applyTestHelpers } from "../../scripts/cli/test/test-helpers";
import { loadRuleLibrary, RULES_DIR, ruleFiles } from "./rule-library";

let registry: RuleRegistry;
beforeAll(async () => {
  registry = await loadRuleLibrary();
});
afterEach(() => setLookupTableReader(undefined));

const eventFiles = ruleFiles(".json");
const cases = eventFiles.flatMap((file) =>
  loadTestEventFile(file).events.map((event, index) => ({
    name: `${relative(RULES_DIR, file)} #${index}: ${event.description}`,
    event,
  })),
);

/** The record the rules see: the raw `data` object or the partial `override_record`. */
function recordOf(event: TestEvent): LogRecord | undefined {
  const data = event.override_record ?? event.data;
  if (typeof data !== "object" || data === null) return undefined;
  const record = applyTestHelpers(data) as LogRecord;
  // threat intel as the rules engine would attach it for the event's fixtures
  const iocs: Record<string, unknown[]> = {};
  for (const ioc of event.test_fixtures?.threat_intel ?? []) {
    const type = String(ioc.ioc_type);
    if (!dataHasValue(record, ioc.ioc_value)) continue;
    iocs[type] = [...(iocs[type] ?? []), ioc.ioc_value];
  }
  if (Object.keys(iocs).length > 0) record[IOC_KEY] = iocs;
  return record;
}

function installLookupFixtures(event: TestEvent): void {
  const tables = event.test_fixtures?.lookup_tables ?? {};
  setLookupTableReader({
    get: async (table, key, defaultValue) => tables[table]?.[key] ?? defaultValue,
  });
}

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

  it.each(cases)("$name", async ({ event }) => {
    const record = recordOf(event);
    if (record === undefined) return;
    installLookupFixtures(event);
    const errors: string[] = [];
    const triggered: string[] = [];
    for (const rule of registry.rulesFor(event.log, record)) {
      const matched = await evaluateRule(rule, record, (r, error) => {
        errors.push(`${r.name}: ${String(error)}`);
      });
      if (!matched) continue;
      triggered.push(rule.name);
      // a title that throws would cost the alert its title in production
      expect(typeof rule.title?.(record)).toBe("string");
    }
    // disabled rules never trigger; datatype-only rules need the classifier's normalization
    const expected = (event.trigger_rules ?? []).filter((name) => {
      const rule = registry.get(name);
      return rule !== undefined && !rule.disabled && (rule.logs?.length ?? 0) > 0;
    });
    expect(errors).toEqual([]);
    expect(triggered.sort()).toEqual(expected.sort());
  });
});
