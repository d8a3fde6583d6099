import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
});
afterEach(() => conf.remove());

test("enable sets enabled and the table name, keeping the rest of the file", async () => {
  const before = conf.json("threat_intel.json");
  const run = await runCli([
    "threat-intel",
    "enable",
    "--dynamodb-table",
    "acme_iocs",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain("threat intel enabled (IOC table acme_iocs)");
  expect(conf.json("threat_intel.json")).toEqual({
    ...before,
    enabled: true,
    dynamodb_table_name: "acme_iocs",
  });
  const disabled = await runCli(["threat-intel", "disable", "-c", conf.conf]);
  expect(disabled.exitCode).toBe(0);
  expect(conf.json("threat_intel.json").enabled).toBe(false);
});

test("enabling with an IOC type mapped to a field no schema produces is refused", async () => {
  const intel = conf.json("threat_intel.json");
  intel.normalized_ioc_types = { ip: ["noSuchField"] };
  writeFileSync(join(conf.conf, "threat_intel.json"), JSON.stringify(intel, null, 2));
  const before = conf.snapshot();
  const run = await runCli(["threat-intel", "enable", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    `${conf.conf}/threat_intel.json: normalized_ioc_types.ip[0]: normalized type "noSuchField" is not produced`,
  );
  expect(conf.snapshot()).toEqual(before);
});

test("a bad table name is refused", async () => {
  const before = conf.snapshot();
  const run = await runCli(["threat-intel", "enable", "--dynamodb-table", "a b", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`${conf.conf}/threat_intel.json: dynamodb_table_name`);
  expect(conf.snapshot()).toEqual(before);
});
