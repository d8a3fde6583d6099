import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeAll(() => {
  conf = tempConf();
});
afterAll(() => conf.remove());

test("lists the modules of the global stack and of each cluster stack, with resource addresses", async () => {
  const run = await runCli(["list-targets", "--cluster", "corp", "--resources", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  const lines = run.stdout.split("\n");
  expect(lines).toContain("stack global (build/stacks/global)");
  expect(lines).toContain("stack corp (build/stacks/corp)");
  expect(lines).not.toContain("stack prod (build/stacks/prod)");
  expect(lines).toContain("  kinesis_events: 2 resources");
  expect(lines).toContain("  app_acme_corp_duo_admin_app: 10 resources");
  expect(
    lines.some((line) => /^ {4}aws_kinesis_stream\.cluster_kinesis_streams_stream_\w+$/.test(line)),
  ).toBe(true);
  expect(
    lines.some((line) =>
      /^ {4}aws_lambda_function\.streamalert_rules_engine_function_\w+$/.test(line),
    ),
  ).toBe(true);
}, 20000);

test("an unknown cluster is an error before anything is synthesized", async () => {
  const run = await runCli(["list-targets", "--cluster", "nope", "-c", conf.conf]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain('unknown cluster "nope"');
  expect(run.stdout).toBe("");
});
