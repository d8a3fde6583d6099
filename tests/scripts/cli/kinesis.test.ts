import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
});
afterEach(() => conf.remove());

const eventsOf = (file: string) =>
  (conf.json(file) as { modules: { kinesis_events?: unknown } }).modules.kinesis_events;

test("disable-events turns the module off in the named cluster only, changing one line", async () => {
  const prodBefore = conf.read("clusters/prod.json");
  const corpBefore = conf.read("clusters/corp.json");
  const run = await runCli(["kinesis", "disable-events", "--cluster", "prod", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain("prod: kinesis_events disabled");
  expect(conf.read("clusters/prod.json")).toBe(
    prodBefore.replace(
      '"kinesis_events": {\n      "batch_size": 100,\n      "enabled": true',
      '"kinesis_events": {\n      "batch_size": 100,\n      "enabled": false',
    ),
  );
  expect(conf.read("clusters/corp.json")).toBe(corpBefore);
});

test("enable-events without --cluster turns it on everywhere there is a stream", async () => {
  await runCli(["kinesis", "disable-events", "-c", conf.conf]);
  expect(eventsOf("clusters/prod.json")).toEqual({ batch_size: 100, enabled: false });
  expect(eventsOf("clusters/corp.json")).toEqual({ batch_size: 100, enabled: false });
  const run = await runCli(["kinesis", "enable-events", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(eventsOf("clusters/prod.json")).toEqual({ batch_size: 100, enabled: true });
  expect(eventsOf("clusters/corp.json")).toEqual({ batch_size: 100, enabled: true });
});

test("enabling events on a cluster without a stream is refused and nothing changes", async () => {
  const corp = conf.json("clusters/corp.json") as {
    modules: Record<string, unknown>;
    data_sources: unknown;
  };
  delete corp.modules.kinesis;
  delete corp.modules.kinesis_events;
  corp.data_sources = { streamalert_app: { acme_corp_duo_admin_app: ["duo:administrator"] } };
  writeFileSync(join(conf.conf, "clusters/corp.json"), JSON.stringify(corp, null, 2));
  const before = conf.snapshot();
  const run = await runCli(["kinesis", "enable-events", "--cluster", "corp", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain("cluster corp has no Kinesis stream (modules.kinesis.streams");
  expect(conf.snapshot()).toEqual(before);
});

test("an unknown cluster is refused", async () => {
  const before = conf.snapshot();
  const run = await runCli(["kinesis", "disable-events", "--cluster", "dev", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain('unknown cluster "dev"');
  expect(conf.snapshot()).toEqual(before);
});
