import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  runTestCommand,
  type TestCommandOptions,
} from "../../../../scripts/cli/test/run-test-command";
import {
  captureIo,
  fixtureRules,
  loginData,
  loginEvent,
  writeStreamAlertConf,
  writeTree,
} from "./test-command-fixture";

let root: string;
let confDir: string;
let rulesDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "sa-test-opts-"));
  confDir = writeStreamAlertConf(root);
  rulesDir = join(root, "rules");
  writeTree(rulesDir, {
    "login/failed_login.json": [
      loginEvent({ data: loginData({ success: false }), trigger_rules: ["failed_login"] }),
      loginEvent({ description: "a good login" }),
    ],
    "login/many_attempts.json": [
      loginEvent({ data: loginData({ attempts: 9 }), trigger_rules: ["many_attempts"] }),
    ],
    "audit/audit.json": [
      loginEvent({ description: "wrongly expects audit_delete", trigger_rules: ["audit_delete"] }),
    ],
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(options: Partial<TestCommandOptions> = {}) {
  const io = captureIo();
  const code = await runTestCommand(
    { command: "rules", rulesDir, configDir: confDir, ruleSources: fixtureRules(), ...options },
    io,
  );
  return { code, out: io.text(), last: io.lines[io.lines.length - 1] };
}

describe("filtering", () => {
  it("runs every file under the rules dir by default", async () => {
    expect(await run()).toMatchObject({ code: 1, last: "3 passed, 1 failed" });
  });

  it.each([
    [["many_attempts"], "1 passed, 0 failed"],
    [["many_attempts.json", "failed_login"], "3 passed, 0 failed"],
  ])("--test-files %j by name", async (testFiles, last) => {
    expect(await run({ testFiles })).toMatchObject({ code: 0, last });
  });

  it("--test-files by path, and exit 2 for a file that does not exist", async () => {
    const byPath = await run({ testFiles: [join(rulesDir, "login/many_attempts.json")] });
    expect(byPath).toMatchObject({ code: 0, last: "1 passed, 0 failed" });
    const missing = await run({ testFiles: ["nope"] });
    expect(missing.code).toBe(2);
    expect(missing.out).toContain("no such test file: nope");
  });

  it("--test-rules runs the events expecting those rules and the rule's own file", async () => {
    const result = await run({ testRules: ["failed_login", "vip_user"] });
    expect(result).toMatchObject({ code: 0, last: "2 passed, 0 failed" });
    expect(result.out).toContain("Rules with no test event (1):\n  vip_user");
  });
});

describe("config", () => {
  it("exits 2 naming the problem when the conf folder cannot be loaded", async () => {
    const result = await run({ configDir: join(root, "missing-conf") });
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/^cannot load the config: /);
    expect(result.last).toBe("0 passed, 1 failed");
  });
});

describe("publisher_tests", () => {
  const withTests = (tests: Record<string, unknown[]>) =>
    loginEvent({
      data: loginData({ success: false }),
      trigger_rules: ["failed_login"],
      publisher_tests: tests,
    });

  it.each([
    ["is", ["headline", "is", "Alert: failed_login"]],
    ["in", ["headline", "in", ["x", "Alert: failed_login"]]],
    ["contains", ["tags", "contains", "b"]],
    ["object form", { jmespath_expression: "headline", condition: "contains", value: "failed" }],
  ])("passes an assertion (%s) on the rule's publication for the output", async (_, test) => {
    writeTree(rulesDir, { "pub.json": [withTests({ "slack:security": [test] })] });
    expect(await run({ testFiles: ["pub"] })).toMatchObject({ code: 0 });
  });

  it("fails with expected and actual values, or when no alert goes to the output", async () => {
    writeTree(rulesDir, {
      "pub.json": [
        withTests({ "slack:security": [["headline", "is", "other"]] }),
        withTests({ "pagerduty:oncall": [["rule_name", "is", "failed_login"]] }),
      ],
    });
    const result = await run({ testFiles: ["pub"] });
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'slack:security (failed_login): headline is "other": got "Alert: failed_login"',
    );
    expect(result.out).toContain("publisher_tests: no triggered alert is sent to pagerduty:oncall");
  });

  it("rejects a malformed assertion as a bad test file", async () => {
    writeTree(rulesDir, {
      "pub.json": [withTests({ "slack:security": [["headline", "equals", 1]] })],
    });
    const result = await run({ testFiles: ["pub"] });
    expect(result.code).toBe(2);
    expect(result.out).toContain(
      'event 0: publisher_tests["slack:security"][0]: condition must be "is", "in" or "contains", got "equals"',
    );
  });
});

describe("streamalert test classifier", () => {
  it("checks classification only and warns when a second schema also matches", async () => {
    writeTree(rulesDir, {
      "ambiguous.json": [
        loginEvent({ source: "ambiguous_stream", trigger_rules: undefined, classify_only: true }),
      ],
    });
    const result = await run({ command: "classifier" });
    // audit.json's event expects a rule that does not fire: the classifier does not care
    expect(result).toMatchObject({ code: 0, last: "5 passed, 0 failed" });
    expect(result.out).toContain(
      "note: also matches another schema: app:login, copy:login (the first one wins)",
    );
  });
});

describe("bin/streamalert", () => {
  it("runs the command through tsx and ends with the totals", () => {
    const file = join(rulesDir, "login/failed_login.json");
    const repo = resolve(__dirname, "../../../..");
    // the project's own rules have none for app:login: events expecting no rule pass
    writeTree(rulesDir, { "plain.json": [loginEvent()] });
    const done = spawnSync(
      join(repo, "bin/streamalert"),
      ["test", "rules", "-f", join(rulesDir, "plain.json"), file, "-c", confDir],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(done.stdout).toContain("missing: failed_login (no such rule)");
    expect(done.stdout.trimEnd().split("\n").pop()).toBe("2 passed, 1 failed");
    expect(done.status).toBe(1);
  });
});
