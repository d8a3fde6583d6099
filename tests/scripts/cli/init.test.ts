import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../../functions/shared/config";
import { runCli, tempConf } from "./run-cli";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "streamalert-init-"));
  cpSync("schemas", join(root, "schemas"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const initArgs = (dir: string, ...extra: string[]) => [
  "init",
  "--prefix",
  "newco",
  "--account-id",
  "210987654321",
  "--region",
  "eu-west-1",
  "--cluster",
  "edge",
  "-c",
  dir,
  ...extra,
];

test("scaffolds a conf folder that loads, with the account and a stream carrying the given logs", async () => {
  const conf = join(root, "conf");
  const run = await runCli(initArgs(conf, "--logs", "cloudwatch", "osquery"));
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain(`wrote ${join(conf, "clusters", "edge.json")}`);
  const { config, warnings } = loadConfig(conf);
  expect(warnings).toEqual([]);
  expect(config.global.account).toEqual({
    aws_account_id: "210987654321",
    prefix: "newco",
    region: "eu-west-1",
  });
  expect(Object.keys(config.clusters)).toEqual(["edge"]);
  expect(config.clusters.edge.data_sources).toEqual({
    kinesis: { newco_edge_streamalert: ["cloudwatch", "osquery"] },
  });
  expect(config.clusters.edge.modules.kinesis_events).toEqual({ batch_size: 100, enabled: true });
  expect(config.outputs).toEqual({});
  expect(config.threatIntel.dynamodb_table_name).toBe("newco_streamalert_threat_intel_downloader");
});

test("refuses an existing conf folder without --force and leaves its files alone", async () => {
  const existing = tempConf();
  try {
    const before = existing.snapshot();
    const run = await runCli(initArgs(existing.conf));
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("already exists and is not empty; pass --force");
    expect(existing.snapshot()).toEqual(before);

    const forced = await runCli(initArgs(existing.conf, "--force"));
    expect(forced.exitCode).toBe(0);
    expect(existing.json("global.json").account).toEqual({
      aws_account_id: "210987654321",
      prefix: "newco",
      region: "eu-west-1",
    });
    expect(existing.json("outputs.json")).toEqual({});
  } finally {
    existing.remove();
  }
});

test("a bad prefix is reported with file and path, and no folder is left behind", async () => {
  const conf = join(root, "conf");
  const run = await runCli([...initArgs(conf), "--prefix", "New_Co"]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`${join(conf, "global.json")}: account.prefix`);
  expect(run.stderr).toContain("lowercase letters and digits only");
  expect(existsSync(conf)).toBe(false);
});

test("an unknown log family is reported against the cluster file", async () => {
  const conf = join(root, "conf");
  const run = await runCli(initArgs(conf, "--logs", "not_a_family"));
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    `${join(conf, "clusters", "edge.json")}: data_sources.kinesis.newco_edge_streamalert[0]`,
  );
  expect(existsSync(conf)).toBe(false);
});

test("--help shows an example", async () => {
  const run = await runCli(["init", "--help"]);
  expect(run.exitCode).toBe(0);
  expect(run.stderr).toContain("$ streamalert init --prefix acme");
});
