import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
});
afterEach(() => conf.remove());

const alarmFlags = [
  "--metric",
  "FailedParses",
  "--comparison-operator",
  "GreaterThanOrEqualToThreshold",
  "--evaluation-periods",
  "2",
  "--period",
  "300",
  "--threshold",
  "1.5",
];

test("create-alarm writes a global alarm into the function's lambda.json block", async () => {
  const run = await runCli([
    "create-alarm",
    "AcmeFailedParses",
    "--function",
    "classifier",
    ...alarmFlags,
    "--alarm-description",
    "parse failures anywhere",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain(`added alarm to ${conf.conf}/lambda.json`);
  expect(conf.json("lambda.json").classifier_config).toEqual({
    custom_metric_alarms: {
      AcmeFailedParses: {
        metric_name: "Classifier-FailedParses",
        comparison_operator: "GreaterThanOrEqualToThreshold",
        evaluation_periods: 2,
        period: 300,
        threshold: 1.5,
        statistic: "Sum",
        alarm_description: "parse failures anywhere",
      },
    },
  });
});

test("create-cluster-alarm writes into the cluster's classifier_config with the cluster in the metric", async () => {
  const corpBefore = conf.read("clusters/corp.json");
  const run = await runCli([
    "create-cluster-alarm",
    "ProdFailedParses",
    "--cluster",
    "prod",
    ...alarmFlags,
    "--statistic",
    "Maximum",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(run.stderr).toBe("");
  const classifier = conf.json("clusters/prod.json").classifier_config as Record<string, unknown>;
  expect(classifier.custom_metric_alarms).toEqual({
    ProdFailedParses: expect.objectContaining({
      metric_name: "Classifier-FailedParses-PROD",
      statistic: "Maximum",
    }),
  });
  expect(conf.read("clusters/corp.json")).toBe(corpBefore);

  const again = await runCli([
    "create-alarm",
    "ProdFailedParses",
    "--function",
    "classifier",
    ...alarmFlags,
    "-c",
    conf.conf,
  ]);
  expect(again.exitCode).toBe(1);
  expect(again.stderr).toContain(
    `an alarm named "ProdFailedParses" already exists in ${conf.conf}/clusters/prod.json: classifier_config`,
  );
});

test.each([
  [
    ["--metric", "TriggeredAlerts"],
    '--metric "TriggeredAlerts" is not published by classifier; it publishes',
  ],
  [["--period", "90"], "--period must be a multiple of 60 seconds, got 90"],
  [["--period", "3600", "--evaluation-periods", "48"], "CloudWatch allows at most 86400"],
  [["--comparison-operator", "Bigger"], '--comparison-operator "Bigger" is not one of'],
  [["--threshold", "lots"], '--threshold must be a number, got "lots"'],
])("a bad value (%j) is refused and nothing is written", async (override, message) => {
  const before = conf.snapshot();
  const run = await runCli([
    "create-alarm",
    "Bad",
    "--function",
    "classifier",
    ...alarmFlags,
    ...override,
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(message);
  expect(conf.snapshot()).toEqual(before);
});

test("create-cluster-alarm takes only clustered functions", async () => {
  const run = await runCli([
    "create-cluster-alarm",
    "X",
    "--cluster",
    "prod",
    "--function",
    "rules_engine",
    ...alarmFlags,
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain('--function "rules_engine" is not one of classifier');
});
