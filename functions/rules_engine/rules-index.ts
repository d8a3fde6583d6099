// Stub for type-checking and tests: the build replaces this module with the generated index of
// every rule under rules/ (see rulesIndexPlugin in ./discover.ts), so the deployed bundle
// imports each rule statically. Tests and the CLI inject their own registry with setRegistry.
import type { RuleModule } from "../shared/rules/registry";

export const ruleModules: RuleModule[] = [];
export const matcherModules: RuleModule[] = [];
