import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { runCli, type TempConf, tempConf } from "./run-cli";

const ssm = mockClient(SSMClient);
let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
  ssm.reset();
  ssm.on(PutParameterCommand).resolves({ Version: 2 });
});
afterEach(() => conf.remove());

const API_KEY = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";
const block = () =>
  conf.json("lambda.json").threat_intel_downloader_config as Record<string, unknown>;

test("configure enables the downloader with the given settings, keeping its other keys", async () => {
  const before = block();
  const run = await runCli([
    "threat-intel-downloader",
    "configure",
    "--interval",
    "rate(12 hours)",
    "--ioc-types",
    "ip",
    "domain",
    "--timeout",
    "300",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(block()).toEqual({
    ...before,
    enabled: true,
    schedule_expression: "rate(12 hours)",
    ioc_types: ["ip", "domain"],
    timeout: 300,
  });
  expect(run.stdout).toContain("note: threat intel itself is off");
  expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
});

test("credentials go to the downloader's SSM parameter as SecureString, never to the output", async () => {
  const run = await runCli(
    ["threat-intel-downloader", "configure", "--from-stdin", "-c", conf.conf],
    JSON.stringify({ api_user: "intel@example.com", api_key: API_KEY }),
  );
  expect(run.exitCode).toBe(0);
  const input = ssm.commandCalls(PutParameterCommand)[0].args[0].input;
  expect(input).toMatchObject({
    Name: "threat_intel_downloader_api_creds",
    Type: "SecureString",
    Overwrite: true,
  });
  expect(JSON.parse(String(input.Value))).toEqual({
    api_user: "intel@example.com",
    api_key: API_KEY,
  });
  expect(run.stdout + run.stderr).not.toContain(API_KEY);
});

test.each([
  [["--ioc-types", "hash"], '--ioc-types: unknown IOC type "hash"'],
  [["--interval", "daily"], "threat_intel_downloader_config.schedule_expression"],
  [
    ["--api-user", "intel@example.com", "--api-key", "short"],
    "api_key: must be 40 letters and digits",
  ],
])("a bad value (%j) is refused: nothing stored, nothing written", async (flags, message) => {
  const before = conf.snapshot();
  const run = await runCli(["threat-intel-downloader", "configure", ...flags, "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toContain("short");
  expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  expect(conf.snapshot()).toEqual(before);
});
