import { rmSync } from "node:fs";
import { scanStack } from "./security-scan";
import {
  exampleConfig,
  maximalConfig,
  readTree,
  resourcesOf,
  type Synthesized,
  synthToTemp,
} from "./synth-fixture";

let example: Synthesized;
let maximal: Synthesized;

beforeAll(() => {
  example = synthToTemp(exampleConfig());
  maximal = synthToTemp(maximalConfig());
});
afterAll(() => {
  for (const result of [example, maximal]) rmSync(result.outdir, { recursive: true, force: true });
});

const all = () => [example, maximal].flatMap((result) => Object.values(result.stacks));
const functionNames = (result: Synthesized) =>
  resourcesOf(Object.values(result.stacks), "aws_lambda_function").map(
    (body) => body.function_name,
  );

describe("synthesize", () => {
  it("writes one global stack and one stack per cluster", () => {
    expect(Object.keys(example.stacks).sort()).toEqual(["corp", "global", "prod"]);
    expect(Object.keys(maximal.stacks).sort()).toEqual(["corp", "extra", "global", "prod"]);
  });

  it("names functions as StreamAlert does", () => {
    expect(functionNames(maximal).sort()).toEqual([
      "acme_corp_duo_admin_app",
      "acme_corp_streamalert_classifier",
      "acme_extra_streamalert_classifier",
      "acme_prod_duo_auth_app",
      "acme_prod_onelogin_events_app",
      "acme_prod_streamalert_classifier",
      "acme_streamalert_alert_merger",
      "acme_streamalert_alert_processor",
      "acme_streamalert_athena_partitioner",
      "acme_streamalert_rule_promotion",
      "acme_streamalert_rules_engine",
      "acme_streamalert_scheduled_queries_runner",
      "acme_streamalert_threat_intel_downloader",
    ]);
    const tables = resourcesOf([example.stacks.global], "aws_dynamodb_table").map((t) => t.name);
    expect(tables).toContain("acme_streamalert_alerts");
    const queues = resourcesOf([example.stacks.global], "aws_sqs_queue").map((q) => q.name);
    expect(queues).toContain("acme_streamalert_classified_logs");
  });

  it("points every event source mapping at a production alias with partial batch responses", () => {
    const mappings = resourcesOf(all(), "aws_lambda_event_source_mapping");
    expect(mappings.length).toBeGreaterThanOrEqual(4);
    for (const mapping of mappings) {
      expect(mapping.function_name).toMatch(/^\$\{aws_lambda_alias\.[\w-]+\.arn\}$/);
      expect(mapping.function_response_types).toEqual(["ReportBatchItemFailures"]);
    }
    const kinesis = mappings.filter((m) =>
      String(m.event_source_arn).includes("aws_kinesis_stream"),
    );
    expect(kinesis.every((m) => m.bisect_batch_on_function_error === true)).toBe(true);
  });

  it("keeps the classified queue invisible longer than the rules engine runs", () => {
    const global = example.stacks.global;
    const engine = resourcesOf([global], "aws_lambda_function").find(
      (f) => f.function_name === "acme_streamalert_rules_engine",
    );
    const queue = resourcesOf([global], "aws_sqs_queue").find(
      (q) => q.name === "acme_streamalert_classified_logs",
    );
    expect(Number(queue?.visibility_timeout_seconds)).toBeGreaterThan(Number(engine?.timeout));
    expect(JSON.parse(String(queue?.redrive_policy)).deadLetterTargetArn).toMatch(
      /_classified_logs_dlq$/,
    );
  });

  it("sends every alarm to the monitoring topic", () => {
    const alarms = resourcesOf(all(), "aws_cloudwatch_metric_alarm");
    expect(alarms.length).toBeGreaterThan(10);
    for (const alarm of alarms) {
      expect(alarm.alarm_actions).toHaveLength(1);
      expect(String((alarm.alarm_actions as string[])[0])).toMatch(
        /^(\$\{aws_sns_topic\.[\w-]+\.arn\}|arn:aws:sns:us-east-1:123456789012:acme_streamalert_monitoring)$/,
      );
    }
  });

  it("subscribes the classifier alias to its SNS inputs and schedules the merger every minute", () => {
    const subscriptions = resourcesOf([maximal.stacks.extra], "aws_sns_topic_subscription");
    expect(subscriptions).toEqual([
      expect.objectContaining({
        topic_arn: "arn:aws:sns:us-east-1:123456789012:extra_in",
        protocol: "lambda",
      }),
    ]);
    expect(String(subscriptions[0].endpoint)).toMatch(/aws_lambda_alias/);
    const rules = resourcesOf([example.stacks.global], "aws_cloudwatch_event_rule");
    expect(rules).toContainEqual(
      expect.objectContaining({ schedule_expression: "rate(1 minute)" }),
    );
  });

  it("encrypts each trail with its own key and forwards CloudWatch Logs to the cluster stream", () => {
    const extra = maximal.stacks.extra;
    const [trail] = resourcesOf([extra], "aws_cloudtrail");
    expect(trail).toEqual(
      expect.objectContaining({
        name: "acme_extra_streamalert_cloudtrail",
        is_multi_region_trail: true,
      }),
    );
    expect(String(trail.kms_key_id)).toMatch(/^\$\{aws_kms_key\./);
    const [subscription] = resourcesOf([extra], "aws_cloudwatch_log_subscription_filter");
    expect(String(subscription.destination_arn)).toMatch(/^\$\{aws_kinesis_stream\./);
    const notifications = resourcesOf([extra], "aws_s3_bucket_notification").map((n) => n.bucket);
    expect(notifications.sort()).toEqual(["acme-extra-logs", "acme-extra-streamalert-cloudtrail"]);
  });

  it("sends flow logs and EventBridge events to the cluster stream, with bus permissions", () => {
    const extra = [maximal.stacks.extra];
    const flowSources = resourcesOf(extra, "aws_flow_log").map((f) => f.vpc_id ?? f.subnet_id);
    expect(flowSources.sort()).toEqual(["subnet-1", "vpc-1"]);
    const [target] = resourcesOf(extra, "aws_cloudwatch_event_target");
    expect(String(target.arn)).toMatch(/^\$\{aws_kinesis_stream\./);
    const permissions = resourcesOf(extra, "aws_cloudwatch_event_permission");
    expect(permissions.map((p) => p.principal)).toEqual(["210987654321", "*"]);
    expect(permissions[1].condition).toEqual(
      expect.objectContaining({ key: "aws:PrincipalOrgID", value: "o-abc123" }),
    );
  });

  it("gives the rules engine read access to the IOC table and lookup tables only", () => {
    const [ioc] = resourcesOf([maximal.stacks.global], "aws_dynamodb_table").filter(
      (t) => t.name === "acme_streamalert_threat_intel_downloader",
    );
    expect(ioc.ttl).toEqual({ attribute_name: "expiration_ts", enabled: true });
    const policies = resourcesOf([maximal.stacks.global], "aws_iam_role_policy");
    const engine = policies.find((p) => p.name === "acme_streamalert_rules_engine_policy");
    const statements = JSON.parse(String(engine?.policy)).Statement as Array<{
      Sid: string;
      Action: string[];
      Resource: unknown;
    }>;
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(bySid.ReadLookupTableObjects.Resource).toEqual([
      "arn:aws:s3:::acme-streamalert-lookup-tables/known_admin_hosts.json.gz",
    ]);
    expect(bySid.ReadLookupTableItems.Resource).toEqual([
      "arn:aws:dynamodb:us-east-1:123456789012:table/acme_employee_directory",
    ]);
    expect(bySid.ReadThreatIntel.Action).not.toContain("dynamodb:PutItem");
  });

  it("creates the custom metric alarms on the metric and dimensions the functions publish (EMF)", () => {
    const custom = resourcesOf(Object.values(maximal.stacks), "aws_cloudwatch_metric_alarm").filter(
      (alarm) => alarm.namespace === "StreamAlert",
    );
    expect(
      custom
        .map((alarm) => [alarm.alarm_name, alarm.metric_name, alarm.dimensions, alarm.period])
        .sort(),
    ).toEqual([
      [
        "acme_extra_failed_parses",
        "FailedParses",
        {
          service: "classifier",
          cluster: "extra",
          FunctionName: "acme_extra_streamalert_classifier",
        },
        600,
      ],
      ["acme_rules_engine_triggered_rules", "TriggeredRules", { service: "rules_engine" }, 300],
    ]);
  });

  it("schedules rule promotion and its digest when rule staging is on", () => {
    const rules = resourcesOf([maximal.stacks.global], "aws_cloudwatch_event_rule").map((r) => [
      r.name,
      r.schedule_expression,
    ]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ["acme_streamalert_rule_promotion_schedule", "rate(10 minutes)"],
        ["acme_streamalert_rule_promotion_digest", "cron(30 13 * * ? *)"],
      ]),
    );
  });

  it("starts the scheduled-queries state machine from one schedule per pack", () => {
    const global = [maximal.stacks.global];
    const [machine] = resourcesOf(global, "aws_sfn_state_machine");
    const definition = JSON.parse(String(machine.definition));
    expect(definition.States.RunQueries.Resource).toMatch(/aws_lambda_alias/);
    const targets = resourcesOf(global, "aws_cloudwatch_event_target").filter((t) =>
      String(t.arn).includes("aws_sfn_state_machine"),
    );
    // each pack starts with its name and the id of the schedule event (an input transformer;
    // EventBridge fills <event_id> in, with quotes, from the event's $.id)
    const started = targets.map((t) => {
      const transformer = t.input_transformer as { input_paths: object; input_template: string };
      expect(transformer.input_paths).toEqual({ event_id: "$.id" });
      return JSON.parse(transformer.input_template.replace("<event_id>", '"e-1"'));
    });
    expect(started.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "daily", event_id: "e-1" },
      { name: "hourly", event_id: "e-1" },
    ]);
  });

  it("creates a logs destination per listed region, each through its own provider", () => {
    const extra = maximal.stacks.extra as {
      provider?: { aws?: Array<{ alias?: string; region: string }> };
    };
    const regional = (extra.provider?.aws ?? []).filter((p) => p.alias).map((p) => p.region);
    expect(regional.sort()).toEqual(["eu-west-1", "us-west-2"]);
    const destinations = resourcesOf([maximal.stacks.extra], "aws_cloudwatch_log_destination");
    expect(destinations.map((d) => d.provider).sort()).toEqual([
      "aws.logs_eu_west_1",
      "aws.logs_us_west_2",
    ]);
  });

  it("uses an S3 backend with a lock table when terraform.bucket_name is set, else local state", () => {
    expect(example.stacks.global.terraform?.backend).toEqual({
      local: { path: "../../state/global.tfstate" },
    });
    expect(maximal.stacks.prod.terraform?.backend?.s3).toEqual(
      expect.objectContaining({
        bucket: "acme-streamalert-terraform-state",
        dynamodb_table: "acme_streamalert_terraform_state_lock",
        encrypt: true,
      }),
    );
  });

  it("passes the security scan on every stack", () => {
    const findings = [
      ...Object.values(example.stacks).map((stack) => scanStack(stack)),
      ...Object.values(maximal.stacks).map((stack) =>
        scanStack(stack, { requireAccessLogging: true }),
      ),
    ].flat();
    expect(findings).toEqual([]);
  });

  it("writes byte-identical output on a second run, without absolute paths", () => {
    const again = synthToTemp(maximalConfig());
    try {
      const first = readTree(maximal.outdir);
      expect(readTree(again.outdir)).toEqual(first);
      for (const text of Object.values(first)) expect(text).not.toContain(maximal.outdir);
    } finally {
      rmSync(again.outdir, { recursive: true, force: true });
    }
  });

  it("rejects an unknown cluster before writing", () => {
    expect(() => synthToTemp(exampleConfig(), { clusters: ["nope"] })).toThrow(
      /unknown cluster "nope".*corp, prod/,
    );
  });
});
