import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktn";
import type { LambdaSettings } from "../../functions/shared/config/types";
import { StreamAlertFunction } from "../../modules/lambda";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Synthesizes one function alone and returns its resources by type. */
function synthFunction(
  settings: LambdaSettings,
  extra: Partial<{ runtime: string; alarms: boolean }> = {},
) {
  const outdir = mkdtempSync(join(tmpdir(), "streamalert-lambda-"));
  try {
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "test");
    const fn = new StreamAlertFunction(stack, "fn", {
      functionName: "acme_streamalert_example",
      artifact: { path: "../../dist/example.zip", sourceCodeHash: "abc=" },
      settings,
      runtime: extra.runtime,
      alarmTopicArn: extra.alarms === false ? undefined : "arn:aws:sns:us-east-1:1:monitoring",
    });
    fn.addToRolePolicy({
      Sid: "Extra",
      Action: ["sqs:SendMessage"],
      Resource: "arn:aws:sqs:us-east-1:1:q",
    });
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, "stacks/test/cdk.tf.json"), "utf8"));
    return json.resource as Resources;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const only = (resources: Resources, type: string) => Object.values(resources[type] ?? {})[0];

describe("StreamAlertFunction", () => {
  it("applies documented defaults: nodejs22.x, 128 MB, 60 s, 14-day logs, production alias", () => {
    const resources = synthFunction({});
    expect(only(resources, "aws_lambda_function")).toEqual(
      expect.objectContaining({
        runtime: "nodejs22.x",
        memory_size: 128,
        timeout: 60,
        publish: true,
        filename: "../../dist/example.zip",
        source_code_hash: "abc=",
      }),
    );
    expect(only(resources, "aws_cloudwatch_log_group")).toEqual(
      expect.objectContaining({
        name: "/aws/lambda/acme_streamalert_example",
        retention_in_days: 14,
      }),
    );
    expect(only(resources, "aws_lambda_alias").name).toBe("production");
    expect(resources.aws_cloudwatch_event_rule).toBeUndefined();
  });

  it("passes log_level to the Powertools logger and publishes metrics only when enabled", () => {
    const quiet = only(synthFunction({ log_level: "warning" }), "aws_lambda_function") as {
      environment: { variables: Record<string, string> };
    };
    expect(quiet.environment.variables).toEqual(
      expect.objectContaining({
        POWERTOOLS_LOG_LEVEL: "WARN",
        POWERTOOLS_METRICS_DISABLED: "true",
      }),
    );
    const counted = only(
      synthFunction({ log_level: "debug", enable_custom_metrics: true }),
      "aws_lambda_function",
    ) as { environment: { variables: Record<string, string> } };
    expect(counted.environment.variables.POWERTOOLS_LOG_LEVEL).toBe("DEBUG");
    expect(counted.environment.variables.POWERTOOLS_METRICS_DISABLED).toBeUndefined();
  });

  it("takes memory, timeout, retention, concurrency, VPC and schedule from its settings", () => {
    const resources = synthFunction(
      {
        memory: 512,
        timeout: 120,
        log_retention_days: 30,
        concurrency_limit: 3,
        schedule_expression: "rate(5 minutes)",
        vpc_config: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
      },
      { runtime: "nodejs20.x" },
    );
    expect(only(resources, "aws_lambda_function")).toEqual(
      expect.objectContaining({
        runtime: "nodejs20.x",
        memory_size: 512,
        timeout: 120,
        reserved_concurrent_executions: 3,
        vpc_config: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
      }),
    );
    expect(only(resources, "aws_cloudwatch_log_group").retention_in_days).toBe(30);
    expect(only(resources, "aws_cloudwatch_event_rule").schedule_expression).toBe(
      "rate(5 minutes)",
    );
    expect(String(only(resources, "aws_cloudwatch_event_target").arn)).toMatch(/aws_lambda_alias/);
  });

  it("scopes its log statement to its own log group and adds the caller's statements", () => {
    const policy = JSON.parse(String(only(synthFunction({}), "aws_iam_role_policy").policy));
    expect(policy.Statement).toEqual([
      {
        Effect: "Allow",
        Sid: "WriteOwnLogs",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.[\w-]+\.arn\}:\*$/),
      },
      {
        Effect: "Allow",
        Sid: "Extra",
        Action: ["sqs:SendMessage"],
        Resource: "arn:aws:sqs:us-east-1:1:q",
      },
    ]);
  });

  it.each([
    [{}, ["Errors", "Throttles"]],
    [{ metric_alarms: { throttles: { enabled: false } } }, ["Errors"]],
  ])("creates the enabled metric alarms of %j", (settings, metrics) => {
    const alarms = Object.values(synthFunction(settings).aws_cloudwatch_metric_alarm ?? {});
    expect(alarms.map((alarm) => alarm.metric_name)).toEqual(metrics);
    for (const alarm of alarms)
      expect(alarm.alarm_actions).toEqual(["arn:aws:sns:us-east-1:1:monitoring"]);
  });

  it("creates no alarms without a monitoring topic", () => {
    expect(synthFunction({}, { alarms: false }).aws_cloudwatch_metric_alarm).toBeUndefined();
  });
});
