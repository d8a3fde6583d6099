import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
});
afterEach(() => conf.remove());

const classifierMetrics = (cluster: string) =>
  (conf.json(`clusters/${cluster}.json`).classifier_config as { enable_custom_metrics?: boolean })
    .enable_custom_metrics;
const lambdaMetrics = (block: string) =>
  (conf.json("lambda.json")[block] as { enable_custom_metrics?: boolean }).enable_custom_metrics;

test("disable turns off the classifier of the named cluster and the rules engine", async () => {
  const run = await runCli([
    "custom-metrics",
    "disable",
    "--functions",
    "classifier",
    "rules_engine",
    "--cluster",
    "corp",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(classifierMetrics("corp")).toBe(false);
  expect(classifierMetrics("prod")).toBe(true);
  expect(lambdaMetrics("rules_engine_config")).toBe(false);
  expect(run.stdout).toContain("custom metrics disabled: classifier of cluster corp");

  await runCli(["custom-metrics", "enable", "--functions", "rules_engine", "-c", conf.conf]);
  expect(lambdaMetrics("rules_engine_config")).toBe(true);
});

test("a function without custom metrics is refused and nothing changes", async () => {
  const before = conf.snapshot();
  const run = await runCli([
    "custom-metrics",
    "enable",
    "--functions",
    "alert_processor",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    '--functions: "alert_processor" publishes no custom metrics; use classifier, rules_engine',
  );
  expect(conf.snapshot()).toEqual(before);
});
