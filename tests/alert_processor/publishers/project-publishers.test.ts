import { resolve } from "node:path";
import { discoverPublisherFiles } from "../../../functions/alert_processor/publishers/discover";
import {
  buildPublisherRegistry,
  type PublisherModule,
} from "../../../functions/alert_processor/publishers/registry";
import { discoverRuleFiles } from "../../../functions/rules_engine/discover";
import { alertPublishers } from "../../../functions/shared/alert";
import type { Rule } from "../../../functions/shared/rules/types";

async function load(files: string[]): Promise<PublisherModule[]> {
  return Promise.all(
    files.map(async (file) => ({
      file,
      exports: (await import(resolve(file))) as Record<string, unknown>,
    })),
  );
}

describe("the project's rules and publishers", () => {
  it("every publisher a rule names resolves in the registry the processor builds", async () => {
    const registry = buildPublisherRegistry(await load(discoverPublisherFiles("rules")));
    const unresolved: string[] = [];
    let checked = 0;
    for (const module of await load(discoverRuleFiles("rules"))) {
      for (const [name, value] of Object.entries(module.exports)) {
        const rule = value as Rule;
        if (rule?.kind !== "rule" || !rule.publishers) continue;
        const perOutput = alertPublishers(rule.publishers, rule.outputs ?? []);
        for (const names of Object.values(perOutput)) {
          for (const publisher of names) {
            checked++;
            if (!registry.get(publisher)) unresolved.push(`${module.file} ${name}: ${publisher}`);
          }
        }
      }
    }
    expect(unresolved).toEqual([]);
    // the example rules do name publishers (Summary, populate_fields, demisto_classification, ...)
    expect(checked).toBeGreaterThan(0);
  });
});
