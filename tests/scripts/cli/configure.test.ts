import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
});
afterEach(() => conf.remove());

test("sets the region in global.json, changing only that line", async () => {
  const before = conf.read("global.json");
  const run = await runCli(["configure", "region", "eu-central-1", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain("region: us-east-1 -> eu-central-1");
  expect(conf.read("global.json")).toBe(
    before.replace('"region": "us-east-1"', '"region": "eu-central-1"'),
  );
});

test("a new prefix is written and the names still carrying the old one are listed", async () => {
  const run = await runCli(["configure", "prefix", "globex", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect((conf.json("global.json").account as { prefix: string }).prefix).toBe("globex");
  expect(run.stdout).toContain(
    `${conf.conf}/lambda.json: rule_promotion_config.digest_sns_topic = acme_streamalert_rule_staging_stats`,
  );
  expect(run.stdout).toContain(
    `${conf.conf}/clusters/prod.json: data_sources.kinesis.acme_prod_streamalert (key)`,
  );
});

test.each([
  ["aws_account_id", "12345", "account.aws_account_id: expected a 12-digit AWS account ID"],
  ["region", "mars-1", "account.region"],
  ["prefix", "Has-Dash", "account.prefix"],
])("an invalid %s (%s) is refused and global.json is untouched", async (key, value, message) => {
  const before = conf.snapshot();
  const run = await runCli(["configure", key, value, "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`${conf.conf}/global.json: ${message}`);
  expect(conf.snapshot()).toEqual(before);
});

test("an unknown key names the keys it takes", async () => {
  const run = await runCli(["configure", "bucket", "x", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain('unknown key "bucket"; use one of aws_account_id, prefix, region');
});
