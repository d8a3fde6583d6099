import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  runTestCommand,
  type TestCommandOptions,
} from "../../../../scripts/cli/test/run-test-command";
import {
  captureIo,
  fixtureRules,
  loginData,
  loginEvent,
  SOURCES,
  writeStreamAlertConf,
  writeTree,
} from "./test-command-fixture";

let root: string;
let confDir: string;
let rulesDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "sa-test-cmd-"));
  confDir = writeStreamAlertConf(root);
  rulesDir = join(root, "rules");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes test event files under the rules dir and runs the command on them. */
async function run(files: Record<string, unknown>, options: Partial<TestCommandOptions> = {}) {
  writeTree(rulesDir, files);
  const io = captureIo();
  const code = await runTestCommand(
    { command: "rules", rulesDir, configDir: confDir, ruleSources: fixtureRules(), ...options },
    io,
  );
  return { code, out: io.text(), last: io.lines[io.lines.length - 1] };
}

describe("streamalert test rules", () => {
  it("passes an event that triggers exactly its trigger_rules", async () => {
    const result = await run({
      "login/failed_login.json": [
        loginEvent({ data: loginData({ success: false }), trigger_rules: ["failed_login"] }),
        loginEvent({ description: "a good login" }),
      ],
    });
    expect(result).toMatchObject({ code: 0, last: "2 passed, 0 failed" });
  });

  it.each([
    ["kinesis", false],
    ["kinesis", true],
    ["s3", false],
    ["s3", true],
    ["sns", false],
    ["streamalert_app", false],
  ] as const)(
    "reads a %s event (compress: %s) through its Lambda event",
    async (service, compress) => {
      const event = loginEvent({
        service,
        source: SOURCES[service],
        compress,
        data: loginData({ success: false }),
        trigger_rules: ["failed_login"],
      });
      expect(await run({ "a.json": [event] })).toMatchObject({
        code: 0,
        last: "1 passed, 0 failed",
      });
    },
  );

  it("fails an event whose rules differ, naming missing and unexpected rules (exit 1)", async () => {
    const result = await run({
      "login.json": [
        loginEvent({
          description: "expects the wrong rule",
          data: loginData({ attempts: 9 }),
          trigger_rules: ["failed_login"],
        }),
      ],
    });
    expect(result.code).toBe(1);
    expect(result.last).toBe("0 passed, 1 failed");
    expect(result.out).toContain("FAIL event 0: expects the wrong rule");
    expect(result.out).toContain("rules: expected [failed_login], got [many_attempts]");
    expect(result.out).toContain("missing: failed_login");
    expect(result.out).toContain("unexpected: many_attempts");
  });

  it("fails an event classified as another log type, or not at all", async () => {
    const result = await run({
      "a.json": [
        loginEvent({ log: "app:audit" }),
        loginEvent({ description: "junk", data: { nope: 1 } }),
        loginEvent({ description: "nowhere", source: "unknown_stream" }),
      ],
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain("log type: expected app:audit, got app:login");
    expect(result.out).toContain("log type: expected app:login, got nothing (not classified)");
    expect(result.out).toMatch(/matches no schema \(tried: app:login/);
    expect(result.out).toContain(
      'no cluster has kinesis source "unknown_stream" in its data_sources',
    );
    expect(result.last).toBe("0 passed, 3 failed");
  });

  it("rejects a malformed file with exit 2, naming the file and the event index", async () => {
    const result = await run({
      "bad.json": [loginEvent(), { ...loginEvent(), log: undefined }],
      "broken.json": "[{",
      "good.json": [loginEvent()],
    });
    expect(result.code).toBe(2);
    expect(result.out).toContain(`${join(rulesDir, "bad.json")}: invalid test file, not run`);
    expect(result.out).toContain('event 1: "log" is required (a non-empty string)');
    expect(result.out).toContain(`${join(rulesDir, "broken.json")}: invalid test file, not run`);
    expect(result.last).toBe("1 passed, 2 failed");
  });

  it("fills override_record from the schema's type defaults", async () => {
    const result = await run({
      "a.json": [
        loginEvent({
          data: undefined,
          override_record: { user: "bob", success: false },
          trigger_rules: ["failed_login"],
        }),
      ],
    });
    expect(result).toMatchObject({ code: 0, last: "1 passed, 0 failed" });
  });

  it("fills override_record from the envelope keys when the log has them", async () => {
    const event = {
      description: "envelope",
      log: "env:events",
      service: "kinesis",
      source: SOURCES.kinesis,
      override_record: { host: "web-1", records: [{ message: "hello" }] },
      trigger_rules: ["envelope_defaults"],
    };
    expect(await run({ "env.json": [event] })).toMatchObject({ code: 0 });
  });

  it("subtracts disabled rules from trigger_rules", async () => {
    const result = await run({ "a.json": [loginEvent({ trigger_rules: ["disabled_rule"] })] });
    expect(result.code).toBe(0);
  });

  it("replaces <helper:last_hour> before classifying", async () => {
    const event = loginEvent({
      data: loginData({ user: "recent", ip: "<helper:last_hour>" }),
      trigger_rules: ["recent_login"],
    });
    expect(await run({ "a.json": [event] }, { now: () => 1_800_000_000_000 })).toMatchObject({
      code: 0,
    });
  });

  it("uses test_fixtures for threat intel and lookup tables, for that event only", async () => {
    const result = await run({
      "a.json": [
        loginEvent({
          description: "known bad ip",
          test_fixtures: { threat_intel: [{ ioc_value: "198.51.100.7", ioc_type: "ip" }] },
          trigger_rules: ["bad_ip"],
        }),
        loginEvent({
          description: "vip",
          test_fixtures: { lookup_tables: { vips: { alice: true } } },
          trigger_rules: ["vip_user"],
        }),
        loginEvent({ description: "no fixtures" }),
      ],
    });
    expect(result).toMatchObject({ code: 0, last: "3 passed, 0 failed" });
  });

  it("lists enabled rules without a test event, not disabled ones", async () => {
    const result = await run({ "a.json": [loginEvent({ trigger_rules: [] })] });
    expect(result.out).toContain("Rules with no test event (7):");
    expect(result.out).toContain("  audit_delete");
    expect(result.out).not.toContain("  disabled_rule");
    const quiet = await run({}, { quiet: true });
    expect(quiet.out).not.toContain("Rules with no test event");
  });
});
