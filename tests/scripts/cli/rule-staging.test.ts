import {
  CreateTableCommand,
  DeleteTableCommand,
  GetItemCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { type Emulators, startEmulators } from "../../helpers/emulators";
import { runCli, type TempConf, tempConf } from "./run-cli";

const TABLE = "acme_streamalert_rules";
let emulators: Emulators;
let conf: TempConf;

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.endpoints.dynamodb;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
  await emulators.stop();
});
beforeEach(async () => {
  conf = tempConf();
  await emulators.dynamodb.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [{ AttributeName: "RuleName", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "RuleName", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
});
afterEach(async () => {
  conf.remove();
  await emulators.dynamodb
    .send(new DeleteTableCommand({ TableName: TABLE }))
    .catch(() => undefined);
});

async function item(rule: string) {
  const { Item } = await emulators.dynamodb.send(
    new GetItemCommand({ TableName: TABLE, Key: { RuleName: { S: rule } }, ConsistentRead: true }),
  );
  return Item;
}

test("enable turns rule staging on in global.json, changing only that setting", async () => {
  const before = conf.read("global.json");
  const run = await runCli([
    "rule-staging",
    "enable",
    "--cache-refresh-minutes",
    "5",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(conf.read("global.json")).toBe(
    before.replace(
      '"rule_staging": {\n      "cache_refresh_minutes": 10,\n      "enabled": false',
      '"rule_staging": {\n      "cache_refresh_minutes": 5,\n      "enabled": true',
    ),
  );
  expect(run.stdout).toContain("rule staging enabled");
  const off = await runCli(["rule-staging", "enable", "--false", "-c", conf.conf]);
  expect(off.exitCode).toBe(0);
  expect(conf.json("global.json")).toMatchObject({
    infrastructure: { rule_staging: { enabled: false, cache_refresh_minutes: 5 } },
  });
});

test("enable with a bad refresh interval writes nothing", async () => {
  const before = conf.snapshot();
  const run = await runCli([
    "rule-staging",
    "enable",
    "--cache-refresh-minutes",
    "0",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    '--cache-refresh-minutes must be an integer from 1 to 1440, got "0"',
  );
  expect(conf.snapshot()).toEqual(before);
});

test("stage writes Staged, StagedAt and a window of --hours; status lists it; unstage clears it", async () => {
  const started = Date.now();
  const stage = await runCli([
    "rule-staging",
    "stage",
    "cloudtrail_root_account_usage",
    "ghe_admin_action",
    "--hours",
    "12",
    "-c",
    conf.conf,
  ]);
  expect(stage.exitCode).toBe(0);
  const staged = await item("cloudtrail_root_account_usage");
  expect(staged?.Staged).toEqual({ BOOL: true });
  const at = Date.parse(String(staged?.StagedAt?.S));
  expect(at).toBeGreaterThanOrEqual(started - 1000);
  expect(Date.parse(String(staged?.StagedUntil?.S)) - at).toBe(12 * 3_600_000);

  const status = await runCli(["rule-staging", "status", "-c", conf.conf]);
  expect(status.exitCode).toBe(0);
  expect(status.stdout).toMatch(
    /cloudtrail_root_account_usage +yes +since \S+ until \S+ \(12 h left\)/,
  );
  expect(status.stdout).toContain(`2 staged, 2 rules in ${TABLE}`);
  // staging is off in the example conf: the table would be ignored, and the user is told so
  expect(status.stderr).toContain("rule staging is disabled in global.json");

  const unstage = await runCli(["rule-staging", "unstage", "ghe_admin_action", "-c", conf.conf]);
  expect(unstage.exitCode).toBe(0);
  expect((await item("ghe_admin_action"))?.Staged).toEqual({ BOOL: false });
  const after = await runCli(["rule-staging", "status", "-c", conf.conf]);
  expect(after.stdout).toMatch(/ghe_admin_action +no\n/);
  expect(after.stdout).toContain(`1 staged, 2 rules in ${TABLE}`);
});

test("status reads every page of the table", async () => {
  for (let index = 0; index < 120; index++) {
    await emulators.dynamodb.send(
      new PutItemCommand({
        TableName: TABLE,
        // ~10 KB items: dynalite pages a scan at 1 MB, so 120 of them take two pages
        Item: {
          RuleName: { S: `rule_${index}` },
          Staged: { BOOL: false },
          Notes: { S: "x".repeat(10_000) },
        },
      }),
    );
  }
  const run = await runCli(["rule-staging", "status", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain(`0 staged, 120 rules in ${TABLE}`);
});

test("unstage of a rule the table does not have is an error naming it", async () => {
  const run = await runCli(["rule-staging", "unstage", "no_such_rule", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`not in ${TABLE}, so not staged: no_such_rule`);
  expect(await item("no_such_rule")).toBeUndefined();
});

test("status without the rules table says to deploy the global stack", async () => {
  await emulators.dynamodb.send(new DeleteTableCommand({ TableName: TABLE }));
  const run = await runCli(["rule-staging", "status", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(`the rules table ${TABLE} does not exist in this account/region`);
});
