/** One problem with one rule or matcher, found while building the registry. */
export interface RuleProblem {
  /** the module that declares it, e.g. "rules/community/cloudtrail/root_login.ts" */
  file: string;
  /** the export name */
  name: string;
  message: string;
}

/** Every problem found in the rule set, reported together so one build shows them all. */
export class RuleRegistryError extends Error {
  override name = "RuleRegistryError";
  constructor(readonly problems: RuleProblem[]) {
    super(
      `${problems.length} problem(s) in the rules:\n${problems
        .map((problem) => `  ${problem.file}: ${problem.name}: ${problem.message}`)
        .join("\n")}`,
    );
  }
}
