import {
  GetAliasCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  ResourceNotFoundException,
  UpdateAliasCommand,
} from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { runCli, type TempConf, tempConf } from "./run-cli";

const lambda = mockClient(LambdaClient);
let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
  lambda.reset();
});
afterEach(() => conf.remove());

const versions = (...numbers: string[]) => numbers.map((Version) => ({ Version }));

test("moves production to the newest published version older than the current one, across pages", async () => {
  lambda.on(GetAliasCommand).resolves({ FunctionVersion: "7", RevisionId: "rev-1" });
  lambda
    .on(ListVersionsByFunctionCommand)
    .resolvesOnce({ Versions: versions("$LATEST", "1", "2", "4"), NextMarker: "page-2" })
    .resolvesOnce({ Versions: versions("7", "8") });
  lambda.on(UpdateAliasCommand).resolves({});
  const run = await runCli(["rollback", "--function", "rule", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(lambda.commandCalls(GetAliasCommand)[0].args[0].input).toEqual({
    FunctionName: "acme_streamalert_rules_engine",
    Name: "production",
  });
  const lists = lambda
    .commandCalls(ListVersionsByFunctionCommand)
    .map((call) => call.args[0].input);
  expect(lists).toHaveLength(2);
  expect(lists[1]).toMatchObject({
    FunctionName: "acme_streamalert_rules_engine",
    Marker: "page-2",
  });
  expect(lambda.commandCalls(UpdateAliasCommand).map((call) => call.args[0].input)).toEqual([
    {
      FunctionName: "acme_streamalert_rules_engine",
      Name: "production",
      FunctionVersion: "4",
      RevisionId: "rev-1",
    },
  ]);
  expect(run.stdout).toContain("acme_streamalert_rules_engine: production 7 -> 4");
});

test("classifier and apps of one cluster are named as the modules name them", async () => {
  lambda.on(GetAliasCommand).resolves({ FunctionVersion: "3" });
  lambda.on(ListVersionsByFunctionCommand).resolves({ Versions: versions("1", "2", "3") });
  lambda.on(UpdateAliasCommand).resolves({});
  const run = await runCli([
    "rollback",
    "--function",
    "classifier",
    "apps",
    "--cluster",
    "prod",
    "-c",
    conf.conf,
    "--region",
    "eu-west-1",
  ]);
  expect(run.exitCode).toBe(0);
  const updated = lambda.commandCalls(UpdateAliasCommand).map((call) => call.args[0].input);
  expect(updated.map((input) => input.FunctionName)).toEqual([
    "acme_prod_streamalert_classifier",
    "acme_prod_duo_auth_app",
    "acme_prod_onelogin_events_app",
  ]);
  expect(updated.every((input) => input.FunctionVersion === "2")).toBe(true);
  expect(await lambda.call(0).thisValue.config.region()).toBe("eu-west-1");
});

test("a function already at its oldest version is an error and its alias is not touched", async () => {
  lambda.on(GetAliasCommand).resolves({ FunctionVersion: "1" });
  lambda.on(ListVersionsByFunctionCommand).resolves({ Versions: versions("$LATEST", "1") });
  const run = await runCli(["rollback", "--function", "alert_merger", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    "acme_streamalert_alert_merger:production is already at its oldest published version (1)",
  );
  expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
});

test("a function that is not deployed is reported and the others are still rolled back", async () => {
  lambda
    .on(GetAliasCommand, { FunctionName: "acme_streamalert_alert_processor" })
    .rejects(new ResourceNotFoundException({ message: "Function not found", $metadata: {} }));
  lambda.on(GetAliasCommand, { FunctionName: "acme_streamalert_alert_merger" }).resolves({
    FunctionVersion: "5",
  });
  lambda.on(ListVersionsByFunctionCommand).resolves({ Versions: versions("4", "5") });
  lambda.on(UpdateAliasCommand).resolves({});
  const run = await runCli(["rollback", "--function", "alert", "alert_merger", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    "acme_streamalert_alert_processor: no function or no production alias in this account/region",
  );
  expect(run.stderr).toContain("1 of 2 functions were not rolled back");
  expect(run.stdout).toContain("acme_streamalert_alert_merger: production 5 -> 4");
});

test("an unknown or undeployed function name is a usage error before any AWS call", async () => {
  const unknown = await runCli(["rollback", "--function", "classifer", "-c", conf.conf]);
  expect(unknown.exitCode).toBe(1);
  expect(unknown.stderr).toContain('unknown function "classifer": use classifier, rules_engine');
  const undeployed = await runCli(["rollback", "--function", "rule_promotion", "-c", conf.conf]);
  expect(undeployed.exitCode).toBe(1);
  expect(undeployed.stderr).toContain("rule_promotion is not deployed by this configuration");
  expect(lambda.calls()).toHaveLength(0);
});
