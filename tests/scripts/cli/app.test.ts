import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ParameterAlreadyExists, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { runCli, type TempConf, tempConf } from "./run-cli";

const ssm = mockClient(SSMClient);
let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
  ssm.reset();
  ssm.on(PutParameterCommand).resolves({ Version: 1 });
});
afterEach(() => conf.remove());

const SECRET_KEY = "s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tABCD";
const duoFlags = [
  "--api_hostname",
  "api-1a2b3c4d.duosecurity.com",
  "--integration-key",
  "DIABCDEFGHIJ12345678",
];

test("app new adds the app and its data source to the cluster and stores the auth in SSM", async () => {
  const run = await runCli(
    [
      "app",
      "new",
      "--type",
      "duo_auth",
      "--cluster",
      "prod",
      "--name",
      "corp_duo",
      "--interval",
      "rate(5 minutes)",
      ...duoFlags,
      "--from-stdin",
      "-c",
      conf.conf,
    ],
    JSON.stringify({ secret_key: SECRET_KEY }),
  );
  expect(run.exitCode).toBe(0);
  const fn = "acme_prod_duo_auth_corp_duo_app";
  const prod = conf.json("clusters/prod.json") as {
    modules: { streamalert_apps: Record<string, unknown> };
    data_sources: { streamalert_app: Record<string, string[]> };
  };
  expect(prod.modules.streamalert_apps[fn]).toEqual({
    app_name: "corp_duo",
    concurrency_limit: 2,
    log_level: "info",
    log_retention_days: 14,
    memory: 128,
    metric_alarms: { errors: { enabled: true, evaluation_periods: 1, period_secs: 120 } },
    schedule_expression: "rate(5 minutes)",
    timeout: 60,
    type: "duo_auth",
  });
  expect(prod.data_sources.streamalert_app[fn]).toEqual(["duo:authentication"]);
  const puts = ssm.commandCalls(PutParameterCommand);
  expect(puts).toHaveLength(1);
  const input = puts[0].args[0].input;
  expect(input).toMatchObject({ Name: `${fn}_auth`, Type: "SecureString", Overwrite: false });
  expect(input.KeyId).toBeUndefined();
  expect(JSON.parse(String(input.Value))).toEqual({
    api_hostname: "api-1a2b3c4d.duosecurity.com",
    integration_key: "DIABCDEFGHIJ12345678",
    secret_key: SECRET_KEY,
  });
  expect(run.stdout + run.stderr).not.toContain(SECRET_KEY);
  expect(run.stdout).toContain(`stored the app's auth in SSM parameter ${fn}_auth`);
});

test("missing auth off a terminal names the keys, stores nothing and writes nothing", async () => {
  const before = conf.snapshot();
  const run = await runCli(
    [
      "app",
      "new",
      "--type",
      "duo_auth",
      "--cluster",
      "prod",
      "--name",
      "corp_duo",
      "--interval",
      "rate(5 minutes)",
      ...duoFlags,
      "--from-stdin",
      "-c",
      conf.conf,
    ],
    "{}",
  );
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain("the duo_auth app needs secret_key");
  expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  expect(conf.snapshot()).toEqual(before);
});

test.each([
  [["--type", "myspace"], '--type "myspace" is not one of duo_auth, duo_admin'],
  [["--name", "Corp Duo"], '--name "Corp Duo" may hold only lowercase letters'],
  [["--interval", "every 5 minutes"], '--interval "every 5 minutes" is not a schedule'],
  [["--cluster", "dev"], 'unknown cluster "dev"'],
])("app new refuses %j without storing or writing", async (override, message) => {
  const before = conf.snapshot();
  const args = [
    "app",
    "new",
    "--type",
    "duo_auth",
    "--cluster",
    "prod",
    "--name",
    "corp_duo",
    "--interval",
    "rate(5 minutes)",
    "--skip-auth",
    "-c",
    conf.conf,
    ...override,
  ];
  const run = await runCli(args);
  expect(run.exitCode).toBe(1);
  expect(run.stderr.toLowerCase()).toContain(message.toLowerCase());
  expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  expect(conf.snapshot()).toEqual(before);
});

test("an SSM parameter that already exists stops app new before the cluster file changes", async () => {
  ssm
    .on(PutParameterCommand)
    .rejects(new ParameterAlreadyExists({ message: "exists", $metadata: {} }));
  const before = conf.snapshot();
  const run = await runCli([
    "app",
    "new",
    "--type",
    "slack_access",
    "--cluster",
    "corp",
    "--name",
    "slack",
    "--interval",
    "rate(1 hour)",
    "--auth_token",
    "xoxp-secret-token",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    "SSM parameter acme_corp_slack_access_slack_app_auth already exists; update it with: streamalert app update-auth",
  );
  expect(run.stderr).not.toContain("xoxp-secret-token");
  expect(conf.snapshot()).toEqual(before);
});

test("app list shows the apps per cluster", async () => {
  const run = await runCli(["app", "list", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toMatch(
    /Cluster corp\n {2}acme_corp_duo_admin_app\n {4}app_name +duo_admin\n {4}type +duo_admin\n {4}schedule_expression +rate\(30 minutes\)/,
  );
  expect(run.stdout).toContain("  acme_prod_onelogin_events_app");
});

test("app update-auth overwrites the app's parameter; an unknown app name lists the known ones", async () => {
  const run = await runCli(
    [
      "app",
      "update-auth",
      "--cluster",
      "prod",
      "--name",
      "onelogin_events",
      "--region",
      "us-west-2",
      "--from-stdin",
      "-c",
      conf.conf,
    ],
    JSON.stringify({ region: "us", client_id: "id-1", client_secret: "cs-secret-value" }),
  );
  expect(run.exitCode).toBe(0);
  const input = ssm.commandCalls(PutParameterCommand)[0].args[0].input;
  expect(input).toMatchObject({
    Name: "acme_prod_onelogin_events_app_auth",
    Type: "SecureString",
    Overwrite: true,
  });
  expect(run.stdout + run.stderr).not.toContain("cs-secret-value");
  expect(await ssm.call(0).thisValue.config.region()).toBe("us-west-2");

  const unknown = await runCli([
    "app",
    "update-auth",
    "--cluster",
    "prod",
    "--name",
    "okta",
    "-c",
    conf.conf,
  ]);
  expect(unknown.exitCode).toBe(1);
  expect(unknown.stderr).toContain(
    'cluster prod has no app named "okta"; its apps: duo_auth, onelogin_events',
  );
});

test("a key file app stores the file's JSON object", async () => {
  const keyfile = join(conf.root, "box.json");
  writeFileSync(keyfile, JSON.stringify({ boxAppSettings: { clientID: "abc" } }));
  const run = await runCli([
    "app",
    "new",
    "--type",
    "box_admin_events",
    "--cluster",
    "corp",
    "--name",
    "box",
    "--interval",
    "rate(1 hour)",
    "--keyfile",
    keyfile,
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  const input = ssm.commandCalls(PutParameterCommand)[0].args[0].input;
  expect(JSON.parse(String(input.Value))).toEqual({
    keyfile: { boxAppSettings: { clientID: "abc" } },
  });
});
