import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
});
afterEach(() => conf.remove());

test("shows each cluster's data sources, modules and apps, and the outputs", async () => {
  const run = await runCli(["status", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  const lines = run.stdout.split("\n");
  expect(lines[0]).toBe(`Account 123456789012, prefix acme, region us-east-1 (${conf.conf})`);
  expect(lines).toContain("Cluster prod");
  expect(lines).toContain("    s3              acme-prod-cloudtrail: cloudtrail");
  expect(lines).toContain("    kinesis         acme_prod_streamalert: cloudwatch, osquery, ghe");
  expect(run.stdout).toMatch(
    /Cluster prod[\s\S]*modules on: kinesis \(1 shard\(s\), 24 h retention\), kinesis_events, cloudwatch_monitoring, cloudtrail, cloudwatch_events, s3_events \(acme-prod-flow-logs\)/,
  );
  expect(lines).toContain("    acme_corp_duo_admin_app (duo_admin, rate(30 minutes))");
  expect(lines).toContain("    slack: security-alerts, security-noise");
  expect(lines).toContain("    aws-s3: security-archive -> acme-security-alerts-archive");
});

test("--cluster limits the cluster sections; disabled modules are listed as off", async () => {
  const prod = conf.json("clusters/prod.json") as {
    modules: Record<string, { enabled?: boolean }>;
  };
  prod.modules.kinesis_events.enabled = false;
  writeFileSync(join(conf.conf, "clusters/prod.json"), JSON.stringify(prod, null, 2));
  const run = await runCli(["status", "--cluster", "prod", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).not.toContain("Cluster corp");
  expect(run.stdout).toContain("  modules off: kinesis_events");
});

test("an unknown cluster is an error naming the known ones", async () => {
  const run = await runCli(["status", "--cluster", "staging", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`unknown cluster "staging": ${conf.conf}/clusters has corp, prod`);
  expect(run.stdout).toBe("");
});

test("an invalid configuration prints every problem", async () => {
  writeFileSync(join(conf.conf, "outputs.json"), '{"slack": "not-a-list", "aws-s3": {"a b": 1}}');
  const run = await runCli(["status", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`${conf.conf}/outputs.json: slack`);
  expect(run.stderr).toContain(
    `${conf.conf}/outputs.json: aws-s3["a b"]: expected a descriptor name without spaces or colons`,
  );
});
