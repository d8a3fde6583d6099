import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTestEventFile, validateTestEvent } from "../../../../scripts/cli/test/test-event";
import { applyTestHelpers } from "../../../../scripts/cli/test/test-helpers";

const valid = {
  description: "root login",
  log: "cloudwatch:events",
  service: "kinesis",
  source: "acme_prod_streamalert",
  data: { a: 1 },
  trigger_rules: ["cloudtrail_root_account_usage"],
};

describe("validateTestEvent", () => {
  it("accepts a complete event", () => {
    expect(validateTestEvent(valid, 0)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    [{ ...valid, log: undefined }, 'event 3: "log" is required (a non-empty string)'],
    [
      { ...valid, service: "kafka" },
      'event 3: service must be one of kinesis, s3, sns, streamalert_app, got "kafka"',
    ],
    [
      { ...valid, data: undefined },
      'event 3: needs either "data" (object or string) or "override_record" (object)',
    ],
    [
      { ...valid, data: 7 },
      'event 3: "data" must be an object, an array (a JSON document) or a string',
    ],
    [
      { ...valid, trigger_rules: undefined },
      'event 3: "trigger_rules" (a list, may be empty) is required unless "classify_only" is true',
    ],
  ])("rejects %j", (event, message) => {
    expect(validateTestEvent(event, 3).errors).toEqual([message]);
  });

  it("does not require trigger_rules for classify_only events", () => {
    expect(
      validateTestEvent({ ...valid, trigger_rules: undefined, classify_only: true }, 0).errors,
    ).toEqual([]);
  });

  it("warns about unknown keys", () => {
    expect(validateTestEvent({ ...valid, trigger: true }, 1).warnings).toEqual([
      'event 1: unknown key "trigger" is ignored',
    ]);
  });
});

describe("loadTestEventFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "sa-events-"));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("loads a list of events and StreamAlert's older {records: [...]} form", () => {
    expect(loadTestEventFile(write("list.json", JSON.stringify([valid]))).events).toHaveLength(1);
    expect(
      loadTestEventFile(write("records.json", JSON.stringify({ records: [valid, valid] }))).events,
    ).toHaveLength(2);
  });

  it("reports invalid JSON and a non-list", () => {
    expect(loadTestEventFile(write("bad.json", "[{")).errors[0]).toMatch(/^not valid JSON: /);
    expect(loadTestEventFile(write("obj.json", "{}")).errors).toEqual([
      "events must be in a JSON list",
    ]);
  });
});

describe("applyTestHelpers", () => {
  it("replaces <helper:last_hour> with epoch seconds one minute ago, in objects and lists", () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const out = applyTestHelpers(
      { a: "<helper:last_hour>", b: [{ c: "t=<helper:last_hour>" }], d: 5 },
      now,
    );
    expect(out).toEqual({ a: String(now / 1000 - 60), b: [{ c: `t=${now / 1000 - 60}` }], d: 5 });
  });

  it("leaves unknown helpers untouched", () => {
    expect(applyTestHelpers("<helper:nope>")).toBe("<helper:nope>");
  });
});
