import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import {
  discoverRuleFiles,
  GENERATED_MARKER,
  generateRulesIndexSource,
  rulesIndexPlugin,
} from "../../functions/rules_engine/discover";

const typesModule = resolve("functions/shared/rules/types.ts").replace(/\.ts$/, "");
let project: string;

function write(path: string, text: string) {
  mkdirSync(join(project, path, ".."), { recursive: true });
  writeFileSync(join(project, path), text);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "rules-index-"));
  write(
    "rules/community/cloudtrail/root.ts",
    `import { rule } from ${JSON.stringify(typesModule)};
export const root_login = rule({ logs: ["cloudtrail:events"], matchers: ["prod"] }, () => true);`,
  );
  write("rules/community/cloudtrail/root.test.ts", "export const ignored = 1;");
  write("rules/community/cloudtrail/root.json", "[]");
  write(
    "rules/matchers/prod.ts",
    `import { matcher } from ${JSON.stringify(typesModule)};
export const prod = matcher(() => true);`,
  );
  write("rules/publishers/slack.ts", "export const compact = () => ({});");
  write(
    "functions/rules_engine/handler.ts",
    `import { matcherModules, ruleModules } from "./rules-index";
export const found = { rules: ruleModules.map((m) => [m.file, Object.keys(m.exports)]), matchers: matcherModules.map((m) => m.file) };`,
  );
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("rules discovery", () => {
  it("finds rule and matcher modules, not tests, data or publishers", () => {
    const files = discoverRuleFiles(join(project, "rules")).map((file) =>
      file.slice(project.length + 1),
    );
    expect(files).toEqual(["rules/community/cloudtrail/root.ts", "rules/matchers/prod.ts"]);
  });

  it("returns nothing for a missing folder", () => {
    expect(discoverRuleFiles(join(project, "nope"))).toEqual([]);
  });

  it("generates a module importing every file statically", () => {
    const source = generateRulesIndexSource(["rules/a/x.ts", "rules/matchers/m.ts"], {
      fromDir: "functions/rules_engine",
    });
    expect(source.startsWith(GENERATED_MARKER)).toBe(true);
    expect(source).toContain('import * as module0 from "../../rules/a/x";');
    expect(source).toContain('{ file: "rules/matchers/m.ts", exports: module1 }');
    expect(source).toMatch(/ruleModules: RuleModule\[\] = \[\n {2}\{ file: "rules\/a\/x.ts"/);
  });

  it("bundles the discovered rules in place of the stub index (esbuild plugin)", async () => {
    const result = await build({
      entryPoints: [join(project, "functions/rules_engine/handler.ts")],
      bundle: true,
      write: false,
      platform: "node",
      format: "cjs",
      logLevel: "silent",
      plugins: [rulesIndexPlugin("rules", project)],
    });
    const sandbox = { module: { exports: {} as { found?: unknown } }, exports: {} };
    runInNewContext(result.outputFiles[0].text, sandbox);
    expect(sandbox.module.exports.found).toEqual({
      rules: [["rules/community/cloudtrail/root.ts", ["root_login"]]],
      matchers: ["rules/matchers/prod.ts"],
    });
  });
});
