// A StreamAlert-style conf/ (schemas in conf/schemas/), a small rule set and a writer for test
// event files, shared by the test command's tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { IOC_KEY } from "../../../../functions/shared/classified-record";
import { lookupTables, rule } from "../../../../functions/shared/rules";
import type { PublishedAlert } from "../../../../functions/shared/rules/types";
import type { RuleSources } from "../../../../scripts/cli/test/project-rules";
import type { TestCommandIo } from "../../../../scripts/cli/test/run-test-command";

export const SOURCES = {
  kinesis: "prod_stream",
  s3: "prod_bucket",
  sns: "prod_topic",
  streamalert_app: "prod_app",
} as const;

const LOGIN_SCHEMA = { user: "string", ip: "string", success: "boolean", attempts: "integer" };

export function writeTree(root: string, files: Record<string, unknown>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
}

/** Writes conf/ with conf/schemas/ under `root`; returns the conf folder. */
export function writeStreamAlertConf(root: string): string {
  writeTree(root, {
    "conf/global.json": {
      account: { aws_account_id: "123456789012", prefix: "acme", region: "us-east-1" },
      general: {},
      infrastructure: {},
    },
    "conf/lambda.json": {},
    "conf/clusters/prod.json": {
      classifier_config: {},
      data_sources: {
        kinesis: { [SOURCES.kinesis]: ["app", "env"], ambiguous_stream: ["app", "copy"] },
        s3: { [SOURCES.s3]: ["app"] },
        sns: { [SOURCES.sns]: ["app"] },
        streamalert_app: { [SOURCES.streamalert_app]: ["app"] },
      },
      modules: {},
    },
    "conf/outputs.json": { slack: ["security"], pagerduty: ["oncall"] },
    "conf/threat_intel.json": { enabled: false, normalized_ioc_types: { ip: ["sourceAddress"] } },
    "conf/lookup_tables.json": { enabled: false, tables: {} },
    "conf/schemas/app.json": {
      "app:login": {
        parser: "json",
        schema: LOGIN_SCHEMA,
        configuration: { normalization: { sourceAddress: ["ip"] } },
      },
      "app:audit": { parser: "json", schema: { action: "string", actor: "string" } },
    },
    "conf/schemas/copy.json": { "copy:login": { parser: "json", schema: LOGIN_SCHEMA } },
    "conf/schemas/env.json": {
      "env:events": {
        parser: "json",
        schema: { message: "string" },
        configuration: {
          envelope_keys: { host: "string", port: "integer", tags: [] },
          json_path: "records[*]",
        },
      },
    },
  });
  return join(root, "conf");
}

function tag_publisher(alert: PublishedAlert, publication: PublishedAlert): PublishedAlert {
  return { ...publication, headline: `Alert: ${String(alert.rule_name)}`, tags: ["a", "b"] };
}

/** The rules under test, in place of the project's rules/. */
export function fixtureRules(): RuleSources {
  const login = ["app:login"];
  return {
    rules: [
      {
        file: "rules/login.ts",
        exports: {
          failed_login: rule(
            { logs: login, outputs: ["slack:security"], publishers: [tag_publisher] },
            (rec) => rec.success === false,
          ),
          many_attempts: rule(
            { logs: login, outputs: ["pagerduty:oncall"] },
            (rec) => Number(rec.attempts) > 5,
          ),
          bad_ip: rule({ logs: login }, (rec) => rec[IOC_KEY] !== undefined),
          vip_user: rule(
            { logs: login },
            async (rec) => (await lookupTables.get("vips", String(rec.user), false)) === true,
          ),
          recent_login: rule(
            { logs: login },
            (rec) => rec.user === "recent" && Number(rec.ip) > 1_700_000_000,
          ),
          disabled_rule: rule({ logs: login, disabled: true }, () => true),
        },
      },
      {
        file: "rules/other.ts",
        exports: {
          audit_delete: rule({ logs: ["app:audit"] }, (rec) => rec.action === "delete"),
          envelope_defaults: rule({ logs: ["env:events"] }, (rec) => {
            const envelope = rec["streamalert:envelope_keys"] as Record<string, unknown>;
            return envelope.host === "web-1" && envelope.port === 0 && Array.isArray(envelope.tags);
          }),
        },
      },
    ],
    matchers: [],
    publishers: async () => [{ file: "rules/publishers/tags.ts", exports: { tag_publisher } }],
  };
}

export const loginData = (overrides: Record<string, unknown> = {}) => ({
  user: "alice",
  ip: "198.51.100.7",
  success: true,
  attempts: 1,
  ...overrides,
});

/** A valid test event on the kinesis source; override any key. */
export const loginEvent = (overrides: Record<string, unknown> = {}) => ({
  description: "a login",
  log: "app:login",
  service: "kinesis",
  source: SOURCES.kinesis,
  data: loginData(),
  trigger_rules: [],
  ...overrides,
});

/** Collects the command's output lines. */
export function captureIo(): TestCommandIo & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    color: false,
    write: (line) => lines.push(line),
    text: () => lines.join("\n"),
  };
}
