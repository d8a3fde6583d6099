import { buildRuleRegistry, type RuleModule } from "../../functions/shared/rules/registry";
import { RuleRegistryError } from "../../functions/shared/rules/registry-errors";
import { matcher, type RuleOptions, rule } from "../../functions/shared/rules/types";
import { normalized } from "./factories";

const yes = () => true;
const matchers: RuleModule[] = [
  { file: "rules/matchers/accounts.ts", exports: { prod_account: matcher(yes) } },
];

function problemsOf(modules: RuleModule[]): RuleRegistryError {
  try {
    buildRuleRegistry(modules, matchers);
  } catch (error) {
    if (error instanceof RuleRegistryError) return error;
    throw error;
  }
  throw new Error("expected a RuleRegistryError");
}

describe("buildRuleRegistry validation", () => {
  it.each<[string, RuleOptions, RegExp]>([
    ["neither logs nor datatypes", {}, /needs `logs`.*or `datatypes`/],
    ["empty logs", { logs: [] }, /needs `logs`/],
    [
      "unknown matcher",
      { logs: ["x:y"], matchers: ["prod_acount"] },
      /unknown matcher "prod_acount".*prod_account/,
    ],
    [
      "output without descriptor",
      { logs: ["x:y"], outputs: ["slack"] },
      /malformed output "slack"/,
    ],
    ["output with a space", { logs: ["x:y"], outputs: ["slack: sec"] }, /malformed output/],
    ["merge keys without window", { logs: ["x:y"], mergeByKeys: ["user"] }, /set together/],
    ["window without keys", { logs: ["x:y"], mergeWindowMins: 5 }, /set together/],
    [
      "zero merge window",
      { logs: ["x:y"], mergeByKeys: ["u"], mergeWindowMins: 0 },
      /positive whole/,
    ],
    ["empty merge keys", { logs: ["x:y"], mergeByKeys: [], mergeWindowMins: 5 }, /non-empty list/],
    ["send first without merge", { logs: ["x:y"], mergeSendFirst: true }, /mergeSendFirst needs/],
    ["bad severity", { logs: ["x:y"], severity: "urgent" as "high" }, /severity: expected one of/],
    [
      "bad reqSubkeys",
      { logs: ["x:y"], reqSubkeys: { a: "b" as unknown as string[] } },
      /reqSubkeys/,
    ],
  ])("%s is an error naming the rule file", (_case, options, message) => {
    const error = problemsOf([
      { file: "rules/community/bad.ts", exports: { bad_rule: rule(options, yes) } },
    ]);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: "rules/community/bad.ts", name: "bad_rule" });
    expect(error.problems[0].message).toMatch(message);
    expect(error.message).toContain("rules/community/bad.ts: bad_rule:");
  });

  it("reports a duplicate rule name with both files", () => {
    const error = problemsOf([
      { file: "rules/a.ts", exports: { same: rule({ logs: ["x:y"] }, yes) } },
      { file: "rules/b.ts", exports: { same: rule({ logs: ["x:y"] }, yes) } },
    ]);
    expect(error.problems).toEqual([
      {
        file: "rules/b.ts",
        name: "same",
        message: "duplicate rule name, also declared in rules/a.ts",
      },
    ]);
  });

  it("reports every problem of every file at once", () => {
    const error = problemsOf([
      {
        file: "rules/a.ts",
        exports: { one: rule({}, yes), two: rule({ logs: ["x:y"], outputs: ["bad"] }, yes) },
      },
      { file: "rules/b.ts", exports: { three: rule({ logs: ["x:y"], matchers: ["nope"] }, yes) } },
    ]);
    expect(error.problems.map((problem) => `${problem.file}:${problem.name}`)).toEqual([
      "rules/a.ts:one",
      "rules/a.ts:two",
      "rules/b.ts:three",
    ]);
  });

  it("checks outputs against conf/outputs.json when given", () => {
    const modules = [
      {
        file: "rules/a.ts",
        exports: { r: rule({ logs: ["x:y"], outputs: ["slack:sec", "aws-sns:ops"] }, yes) },
      },
    ];
    expect(() =>
      buildRuleRegistry(modules, [], {
        knownOutputs: { slack: ["sec"], "aws-sns": { other: "topic" } },
      }),
    ).toThrow(/output "aws-sns:ops" is not configured/);
  });

  it("ignores exports that are neither rules nor matchers", () => {
    const registry = buildRuleRegistry(
      [
        {
          file: "rules/a.ts",
          exports: { SUSPICIOUS: ["x"], helper: () => 1, r: rule({ logs: ["x:y"] }, yes) },
        },
      ],
      matchers,
    );
    expect(registry.rules.map((registered) => registered.name)).toEqual(["r"]);
  });
});

describe("rule selection per record", () => {
  const registry = buildRuleRegistry(
    [
      {
        file: "rules/all.ts",
        exports: {
          ct_one: rule({ logs: ["cloudtrail:events"] }, yes),
          ct_disabled: rule({ logs: ["cloudtrail:events"], disabled: true }, yes),
          ct_ip: rule({ logs: ["cloudtrail:events"], datatypes: ["sourceAddress"] }, yes),
          any_ip: rule({ datatypes: ["sourceAddress", "destinationAddress"] }, yes),
          osquery: rule({ logs: ["osquery:differential"] }, yes),
        },
      },
    ],
    [],
  );
  const names = (logType: string, record: Record<string, unknown>) =>
    registry.rulesFor(logType, record).map((selected) => selected.name);

  it.each([
    ["cloudtrail without normalization", "cloudtrail:events", {}, ["ct_one"]],
    [
      "cloudtrail with an address",
      "cloudtrail:events",
      normalized({ sourceAddress: ["1.2.3.4"] }),
      ["ct_one", "ct_ip", "any_ip"],
    ],
    [
      "other log with an address",
      "ghe:general",
      normalized({ destinationAddress: ["1.2.3.4"] }),
      ["any_ip"],
    ],
    ["other log with other types", "ghe:general", normalized({ userName: ["bob"] }), []],
    ["unknown log type", "nothing:here", {}, []],
  ])("%s", (_case, logType, record, expected) => {
    expect(names(logType, record)).toEqual(expected);
  });

  it("keeps disabled rules in the registry for the test command", () => {
    expect(registry.get("ct_disabled")?.disabled).toBe(true);
    expect(registry.rules).toHaveLength(5);
  });
});
