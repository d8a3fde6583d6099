// The console output: one short line per alert, for people watching `streamalert run`.
import {
  createConsoleOutput,
  formatAlertLine,
} from "../../../../functions/alert_processor/outputs/console";
import { alertOf } from "../../../alert_merger/factories";

describe("console output", () => {
  it("writes severity, rule, title and the alert's other outputs on one line", async () => {
    const lines: string[] = [];
    const output = createConsoleOutput({ write: (line) => lines.push(line) });
    const alert = alertOf({
      ruleName: "duo_fraud",
      severity: "high",
      title: "Duo push for bob\nreported as fraud",
      outputs: ["aws-firehose:alerts", "console:stdout", "slack:security-alerts"],
    });
    await output.dispatch({ alert, descriptor: "stdout", publication: {} });
    expect(lines).toEqual([
      "[high] duo_fraud: Duo push for bob reported as fraud → slack:security-alerts",
    ]);
  });

  it("names the log type and origin when the rule has no title", () => {
    const alert = alertOf({ ruleName: "port_scan", title: undefined, severity: undefined });
    expect(formatAlertLine(alert)).toBe(
      "port_scan: cloudtrail:events record from kinesis:prod_stream",
    );
  });

  it("says how many alerts a merged alert stands for", () => {
    const alert = alertOf({
      ruleName: "failed_login",
      title: "Failed login for carol",
      record: {
        AlertCount: 3,
        MergedBy: { ip: "203.0.113.66" },
        OtherCommonKeys: {},
        ValueDiffs: {},
      },
    });
    expect(formatAlertLine(alert, ["slack:noise"])).toBe(
      "failed_login: Failed login for carol (merged: 3 alerts) → slack:noise",
    );
  });

  it("keeps very long titles to one readable line", () => {
    const line = formatAlertLine(alertOf({ title: "x".repeat(500) }));
    expect(line.length).toBeLessThan(200);
    expect(line.endsWith("...")).toBe(true);
  });
});
