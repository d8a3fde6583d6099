// One synth per configuration, shared by the assertions of a test file (synth is the slow part).
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { loadConfig } from "../../functions/shared/config";
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { type SynthesizeOptions, synthesize } from "../../modules/app";
import type { TerraformJson } from "./security-scan";

export type StackJson = TerraformJson & {
  terraform?: { backend?: Record<string, Record<string, unknown>> };
};

export interface Synthesized {
  outdir: string;
  stacks: Record<string, StackJson>;
}

export function exampleConfig(): StreamAlertConfig {
  return loadConfig("conf").config;
}

/** The example plus a cluster using every module option this project implements. */
export function maximalConfig(): StreamAlertConfig {
  const config = structuredClone(exampleConfig());
  config.global.terraform = {
    bucket_name: "acme-streamalert-terraform-state",
    state_key_name: "state",
  };
  config.clusters.extra = {
    name: "extra",
    classifier_config: {
      timeout: 60,
      inputs: { "aws-sns": ["arn:aws:sns:us-east-1:123456789012:extra_in"] },
      vpc_config: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
      concurrency_limit: 5,
      custom_metric_alarms: {
        acme_extra_failed_parses: {
          metric_name: "Classifier-FailedParses-EXTRA",
          comparison_operator: "GreaterThanOrEqualToThreshold",
          threshold: 1,
          period: 600,
        },
      },
    },
    data_sources: {
      kinesis: { acme_extra_streamalert: ["osquery"] },
      s3: { "acme-extra-logs": ["cloudtrail"] },
    },
    modules: {
      kinesis: { streams: { create_user: true, trusted_accounts: ["210987654321"], shards: 2 } },
      kinesis_events: { enabled: true, batch_size: 500 },
      cloudwatch_monitoring: { enabled: true },
      s3_events: { "acme-extra-logs": [{ filter_prefix: "AWSLogs/" }, { filter_suffix: ".gz" }] },
      cloudtrail: { enable_logging: true, send_to_cloudwatch: true, enable_s3_events: true },
      cloudwatch_logs_destination: {
        enabled: true,
        regions: ["us-west-2", "eu-west-1"],
        cross_account_ids: ["210987654321"],
      },
      flow_logs: { enabled: true, vpcs: ["vpc-1"], subnets: ["subnet-1"] },
      cloudwatch_events: {
        cross_account: {
          accounts: { "us-east-1": ["210987654321"] },
          organizations: { "us-east-1": ["o-abc123"] },
        },
      },
    },
  };
  config.threatIntel.enabled = true;
  config.lambda.threat_intel_downloader_config = {
    ...config.lambda.threat_intel_downloader_config,
    enabled: true,
  };
  config.lookupTables.enabled = true;
  config.global.infrastructure.s3_access_logging = { bucket_name: "acme-streamalert-s3-logging" };
  config.scheduledQueries = { ...config.scheduledQueries, enabled: true };
  config.global.infrastructure.rule_staging = { enabled: true, cache_refresh_minutes: 10 };
  config.lambda.rule_promotion_config = { ...config.lambda.rule_promotion_config, enabled: true };
  config.lambda.rules_engine_config = {
    ...config.lambda.rules_engine_config,
    custom_metric_alarms: {
      acme_rules_engine_triggered_rules: {
        metric_name: "RulesEngine-TriggeredRules",
        comparison_operator: "GreaterThanThreshold",
        threshold: 100,
      },
    },
  };
  return config;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    })
    .sort();
}

export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [relative(dir, file), readFileSync(file, "utf8")]),
  );
}

export function synthToTemp(
  config: StreamAlertConfig,
  options: Partial<SynthesizeOptions> = {},
): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), "streamalert-synth-"));
  const written = synthesize(config, { ...options, outdir });
  const stacks = Object.fromEntries(
    written.map((stack) => [
      stack.name,
      JSON.parse(readFileSync(join(outdir, stack.file), "utf8")) as StackJson,
    ]),
  );
  return { outdir, stacks };
}

/** Every resource body of one type across the given stacks. */
export function resourcesOf(stacks: StackJson[], type: string): Array<Record<string, unknown>> {
  return stacks.flatMap((stack) => Object.values(stack.resource?.[type] ?? {}));
}
