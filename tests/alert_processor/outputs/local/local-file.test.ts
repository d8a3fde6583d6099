// The local-file output `streamalert run` writes alerts to: JSON lines, one file per descriptor,
// each alert at most once per file, across instances (runs) too.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createLocalFileOutput,
  type LocalFileLine,
  localFileName,
} from "../../../../functions/alert_processor/outputs/local-file";
import type { DispatchRequest } from "../../../../functions/alert_processor/outputs/types";
import { toPlainAlert } from "../../../../functions/shared/alert";
import { alertOf } from "../../../alert_merger/factories";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "local-file-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function request(
  descriptor: string,
  overrides: Parameters<typeof alertOf>[0] = {},
): DispatchRequest {
  const alert = alertOf(overrides);
  return { alert, descriptor, publication: { ...toPlainAlert(alert), "@slack.text": "hi" } };
}

function linesOf(file: string): LocalFileLine[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as LocalFileLine);
}

describe("local-file output", () => {
  it("appends one JSON line per alert to the file of its descriptor", async () => {
    const output = createLocalFileOutput({ dir: join(dir, "nested", "out") });
    const login = request("slack-security-alerts", { ruleName: "login" });
    const scan = request("slack-security-alerts", { ruleName: "port_scan" });
    const pager = request("pagerduty-oncall", { ruleName: "login" });
    for (const each of [login, scan, pager]) await output.dispatch(each);

    const slack = readFileSync(join(dir, "nested", "out", "slack-security-alerts.jsonl"), "utf8");
    expect(slack.endsWith("\n")).toBe(true);
    const lines = slack
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as LocalFileLine);
    expect(lines).toEqual([
      { alert_id: login.alert.alertId, rule_name: "login", publication: login.publication },
      { alert_id: scan.alert.alertId, rule_name: "port_scan", publication: scan.publication },
    ]);
    expect(readdirSync(join(dir, "nested", "out")).sort()).toEqual([
      "pagerduty-oncall.jsonl",
      "slack-security-alerts.jsonl",
    ]);
    expect(output.files().map(({ descriptor, appended }) => [descriptor, appended])).toEqual([
      ["slack-security-alerts", 2],
      ["pagerduty-oncall", 1],
    ]);
  });

  it("never writes an alert twice to a file, not even from a later run", async () => {
    const alert = request("alerts");
    const firstRun = createLocalFileOutput({ dir });
    await firstRun.dispatch(alert);
    await firstRun.dispatch(alert);

    const secondRun = createLocalFileOutput({ dir });
    const other = request("alerts");
    await secondRun.dispatch(alert);
    await secondRun.dispatch(other);

    expect(linesOf("alerts.jsonl").map((line) => line.alert_id)).toEqual([
      alert.alert.alertId,
      other.alert.alertId,
    ]);
    expect(secondRun.files()).toEqual([
      expect.objectContaining({ descriptor: "alerts", appended: 1, alreadyPresent: 1 }),
    ]);
  });

  it("keeps lines whole and unique when many alerts arrive at once", async () => {
    const output = createLocalFileOutput({ dir });
    const requests = Array.from({ length: 40 }, () =>
      request("alerts", { record: { blob: "x".repeat(20_000) } }),
    );
    await Promise.all([...requests, ...requests].map((each) => output.dispatch(each)));
    const ids = linesOf("alerts.jsonl").map((line) => line.alert_id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids)).toEqual(new Set(requests.map((each) => each.alert.alertId)));
  });

  it("skips lines it cannot read in an existing file and still appends", async () => {
    writeFileSync(join(dir, "alerts.jsonl"), "not json\n\n");
    const output = createLocalFileOutput({ dir });
    const alert = request("alerts");
    await output.dispatch(alert);
    const lines = readFileSync(join(dir, "alerts.jsonl"), "utf8").split("\n");
    expect(lines[0]).toBe("not json");
    expect(JSON.parse(lines[2])).toMatchObject({ alert_id: alert.alert.alertId });
  });

  it.each([
    ["slack-security-alerts", "slack-security-alerts.jsonl"],
    ["team/soc alerts", "team_soc_alerts.jsonl"],
    ["../escape", "__escape.jsonl"],
  ])("names the file of descriptor %j %j", (descriptor, file) => {
    expect(localFileName(descriptor)).toBe(file);
  });

  it("reports a file it cannot write as an output error naming the path", async () => {
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "a file where the folder should be");
    const output = createLocalFileOutput({ dir: blocker });
    await expect(output.dispatch(request("alerts"))).rejects.toThrow(
      `local-file: cannot write ${join(blocker, "alerts.jsonl")}`,
    );
  });
});
