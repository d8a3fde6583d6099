// `streamalert run` end to end on the project's samples/: the real classifier, rules engine,
// merger and processor on dynalite, s3rver and local-aws-sqs, outputs redirected to local files.
// What each sample must trigger is the contract written in samples/README.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalFileLine } from "../../../functions/alert_processor/outputs/local-file";
import { type CliRun, runCli } from "./run-cli";

/** samples/README.md: the alerts each rule raises on samples/. */
const EXPECTED_ALERTS: Record<string, number> = {
  aws_cloudtrail_logging_stopped: 1,
  aws_console_login_failed: 3,
  aws_console_login_without_mfa: 1,
  aws_iam_user_created: 1,
  binaryalert_yara_match: 1,
  cloudtrail_critical_api_calls: 1,
  cloudtrail_put_bucket_acl: 1,
  cloudtrail_security_group_ingress_anywhere: 1,
  duo_anonymous_ip_failure: 1,
  duo_fraud: 1,
  github_disable_two_factor_requirement_org: 1,
  onelogin_events_assumed_role: 1,
  osquery_authorized_keys_added: 1,
  ssh_login_activity: 1,
  vpc_flow_admin_port_from_internet: 1,
};

/** The `  <name>  <count>` lines under the summary line that starts with `heading`. */
function section(stdout: string, heading: string): Record<string, number> {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`no "${heading}" in:\n${stdout}`);
  const counts: Record<string, number> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S+)\s+(\d+)$/.exec(line);
    if (!match) break;
    counts[match[1]] = Number(match[2]);
  }
  return counts;
}

function readLines(dir: string, file: string): LocalFileLine[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as LocalFileLine);
}

const rulesIn = (lines: LocalFileLine[]) => lines.map((line) => line.rule_name).sort();

let outputDir: string;
let first: CliRun;
let second: CliRun;

beforeAll(async () => {
  outputDir = mkdtempSync(join(tmpdir(), "streamalert-run-"));
  const args = ["run", "--cluster", "prod", "--input", "samples", "--output-dir", outputDir];
  first = await runCli(args);
  second = await runCli(args);
}, 60_000);

afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

describe("streamalert run on samples/", () => {
  it("prints the summary with exactly the alerts each rule should raise", () => {
    expect(first.stderr).toBe("");
    expect(first.exitCode).toBe(0);
    expect(section(first.stdout, "Alerts:")).toEqual(EXPECTED_ALERTS);
    expect(first.stdout).toMatch(/^Merged alerts: 1 /m);
    expect(first.stdout).toContain("nothing left this machine");
  });

  it("prints one line per delivered alert as it goes", () => {
    const alertLines = first.stdout.split("\n\nSummary")[0].split("\n");
    // 15 single alerts plus the three failed logins merged into one
    expect(alertLines).toHaveLength(15);
    expect(alertLines).toContainEqual(
      "[medium] aws_console_login_without_mfa: Console login without MFA by alice from 198.51.100.7 → slack:security-alerts",
    );
    expect(alertLines.find((line) => line.includes("aws_console_login_failed"))).toContain(
      "(merged: 3 alerts) → slack:security-noise",
    );
  });

  it("counts the garbage line as a failed parse and classifies every other record", () => {
    expect(first.stdout).toMatch(/^Failed parses: 1$/m);
    expect(first.stdout).toMatch(
      /^ {2}samples\/kinesis\/acme_prod_streamalert\/osquery-differential\.jsonl: .*matches no schema/m,
    );
    expect(section(first.stdout, "Classified:")).toEqual({
      binaryalert: 2,
      "cloudtrail:events": 9,
      "cloudwatch:events": 4,
      "duo:authentication": 4,
      "ghe:general": 3,
      "onelogin:events": 2,
      "osquery:differential": 4,
      "vpc_flow_logs:v2": 6,
    });
  });

  it("writes each output's alerts to its local file", () => {
    const slackNoise = readLines(outputDir, "slack-security-noise.jsonl");
    expect(rulesIn(slackNoise)).toEqual([
      "aws_console_login_failed",
      "aws_iam_user_created",
      "ssh_login_activity",
    ]);
    const merged = slackNoise.find((line) => line.rule_name === "aws_console_login_failed");
    expect(merged?.publication.record).toMatchObject({
      AlertCount: 3,
      MergedBy: { sourceIPAddress: "203.0.113.66" },
    });
    expect(rulesIn(readLines(outputDir, "pagerduty-v2-security-high-urgency.jsonl"))).toEqual([
      "aws_cloudtrail_logging_stopped",
    ]);
    expect(rulesIn(readLines(outputDir, "aws-sns-security-oncall.jsonl"))).toEqual([
      "aws_cloudtrail_logging_stopped",
      "binaryalert_yara_match",
      "cloudtrail_critical_api_calls",
      "cloudtrail_put_bucket_acl",
      "duo_fraud",
      "github_disable_two_factor_requirement_org",
    ]);
    // every alert reaches the alerts archive: the 17 the rules raised and the merged one
    const archive = readLines(outputDir, "aws-firehose-alerts.jsonl");
    expect(archive).toHaveLength(18);
    expect(section(first.stdout, "Deliveries:")).toEqual({
      "aws-firehose:alerts": 18,
      "aws-sns:security-oncall": 6,
      "pagerduty-v2:security-high-urgency": 1,
      "slack:security-alerts": 12,
      "slack:security-noise": 3,
    });
    const slackAlerts = readLines(outputDir, "slack-security-alerts.jsonl");
    expect(slackAlerts).toHaveLength(12);
    expect(slackAlerts[0].publication).toMatchObject({ id: slackAlerts[0].alert_id });
  });

  it("running again adds no duplicate alert to any file", () => {
    expect(second.exitCode).toBe(0);
    expect(section(second.stdout, "Alerts:")).toEqual(EXPECTED_ALERTS);
    expect(readLines(outputDir, "aws-firehose-alerts.jsonl")).toHaveLength(18);
    expect(readLines(outputDir, "slack-security-alerts.jsonl")).toHaveLength(12);
    expect(second.stdout).toContain("slack-security-alerts.jsonl  0 new alerts, 12 already there");
    const ids = readLines(outputDir, "aws-firehose-alerts.jsonl").map((line) => line.alert_id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("streamalert run inputs and errors", () => {
  it("reads stdin with --service and --source", async () => {
    const dir = mkdtempSync(join(tmpdir(), "streamalert-run-stdin-"));
    try {
      const lines = readFileSync(
        "samples/kinesis/acme_prod_streamalert/osquery-differential.jsonl",
        "utf8",
      );
      const run = await runCli(
        [
          "run",
          "--cluster",
          "prod",
          "--input",
          "-",
          "--service",
          "kinesis",
          "--source",
          "acme_prod_streamalert",
          "--output-dir",
          dir,
        ],
        lines,
      );
      expect(run.exitCode).toBe(0);
      expect(section(run.stdout, "Alerts:")).toEqual({
        osquery_authorized_keys_added: 1,
        ssh_login_activity: 1,
      });
      expect(run.stdout).toMatch(/^Failed parses: 1$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it("an unknown cluster stops before anything runs, naming the clusters there are", async () => {
    const run = await runCli(["run", "--cluster", "nope", "--input", "samples"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('cluster "nope" is not configured in conf/clusters (clusters:');
    expect(run.stdout).toBe("");
  });

  it("a missing input says what to pass", async () => {
    const run = await runCli(["run", "--cluster", "prod", "--input", "samples/no-such-file.json"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      "input samples/no-such-file.json does not exist: pass a log file, a folder of logs, or - for stdin",
    );
  });

  it("a file outside the samples layout without --service/--source is refused with the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "streamalert-run-where-"));
    try {
      writeFileSync(join(dir, "events.jsonl"), '{"a": 1}\n');
      const run = await runCli(["run", "--cluster", "prod", "--input", dir]);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/cannot tell which data source .*events\.jsonl comes from/);
      expect(run.stderr).toContain("or pass --service and --source");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a --source the cluster does not read is refused", async () => {
    const run = await runCli([
      "run",
      "--cluster",
      "prod",
      "--input",
      "samples",
      "--service",
      "kinesis",
      "--source",
      "other_stream",
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("kinesis/other_stream is not a data source of cluster prod");
  });
});
