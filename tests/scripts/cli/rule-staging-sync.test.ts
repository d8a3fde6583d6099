// The rules table follows the rules on disk after a deploy with rule staging on: new rules are
// added staged (or unstaged with --skip-rule-staging), rules gone from disk lose their item,
// the others keep their state. Core on dynalite, then through `streamalert deploy`.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { scanRulesTable } from "../../../scripts/cli/rule-staging/rules-table";
import { syncRulesTable } from "../../../scripts/cli/rule-staging/sync-rules-table";
import { createKeyTable } from "../../../scripts/cli/run/local-resources";
import { type Emulators, startEmulators } from "../../helpers/emulators";
import { runCli, tempConf } from "./run-cli";

const TABLE = "acme_streamalert_rules";
const NOW = new Date("2026-11-28T12:00:00.000Z");
let emulators: Emulators;
let client: DynamoDBDocumentClient;

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  client = DynamoDBDocumentClient.from(emulators.dynamodb);
});
afterAll(async () => {
  await emulators.stop();
});
beforeEach(async () => {
  await createKeyTable(emulators.dynamodb, TABLE, ["RuleName"]);
  await syncRulesTable(client, TABLE, ["kept_rule", "gone_rule"], { now: NOW, skipStaging: true });
});
afterEach(async () => {
  await emulators.dynamodb.send(new DeleteTableCommand({ TableName: TABLE }));
});

test("new rules are added staged for 48 hours, rules gone from disk removed, the rest untouched", async () => {
  const result = await syncRulesTable(client, TABLE, ["kept_rule", "new_rule"], {
    now: new Date("2026-11-29T00:00:00.000Z"),
  });
  expect(result).toEqual({ added: ["new_rule"], removed: ["gone_rule"] });
  expect(await scanRulesTable(client, TABLE)).toEqual([
    { RuleName: "kept_rule", Staged: false, StagedAt: undefined, StagedUntil: undefined },
    {
      RuleName: "new_rule",
      Staged: true,
      StagedAt: "2026-11-29T00:00:00.000Z",
      StagedUntil: "2026-12-01T00:00:00.000Z",
    },
  ]);
});

test("with skipStaging new rules are added unstaged", async () => {
  await syncRulesTable(client, TABLE, ["kept_rule", "new_rule"], { now: NOW, skipStaging: true });
  const items = await scanRulesTable(client, TABLE);
  expect(items.find((item) => item.RuleName === "new_rule")?.Staged).toBe(false);
});

test("streamalert deploy with rule staging on adds the project's rules to the rules table", async () => {
  const conf = tempConf();
  const root = mkdtempSync(join(tmpdir(), "streamalert-deploy-"));
  const realPath = process.env.PATH;
  try {
    const bin = join(root, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "terraform"), "#!/bin/sh\nexit 0\n");
    chmodSync(join(bin, "terraform"), 0o755);
    const buildDir = join(root, "build");
    for (const stack of ["global", "prod", "corp"]) {
      mkdirSync(join(buildDir, "stacks", stack), { recursive: true });
      writeFileSync(join(buildDir, "stacks", stack, "cdk.tf.json"), "{}\n");
    }
    const global = conf.json("global.json") as {
      infrastructure: { rule_staging: { enabled: boolean } };
    };
    global.infrastructure.rule_staging.enabled = true;
    writeFileSync(join(conf.conf, "global.json"), JSON.stringify(global, null, 2));
    process.env.PATH = `${bin}${delimiter}${realPath}`;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.endpoints.dynamodb;

    const run = await runCli([
      "deploy",
      "--auto-approve",
      "-c",
      conf.conf,
      "--build-dir",
      buildDir,
    ]);

    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /rules table acme_streamalert_rules: \d+ new rule\(s\) added staged/,
    );
    expect(run.stdout).toContain("2 removed (gone_rule, kept_rule)");
    const items = await scanRulesTable(client, TABLE);
    const names = items.map((item) => item.RuleName);
    expect(names).toContain("aws_cloudtrail_logging_stopped");
    expect(names).not.toContain("gone_rule");
    expect(items.find((item) => item.RuleName === "duo_fraud")?.Staged).toBe(true);
  } finally {
    process.env.PATH = realPath;
    delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    conf.remove();
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);
