// `streamalert rule-staging enable|status|stage|unstage` (SPEC §4.5). `enable` edits
// global.json infrastructure.rule_staging (the rules engine reads the rules table only when it is
// on); the others read or update the rules table `<prefix>_streamalert_rules` in DynamoDB.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Command } from "commander";
import type { RuleTableItem } from "../../functions/rules_engine/rule-staging";
import { awsClientConfig } from "../../functions/shared/aws/client-config";
import { globalNames } from "../../modules/shared/names";
import { editConf } from "./conf-edit";
import {
  DEFAULT_STAGING_HOURS,
  scanRulesTable,
  stageRule,
  unstageRule,
} from "./rule-staging/rules-table";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  parsePositiveInteger,
  printWarnings,
  say,
  warn,
} from "./shared/command-action";
import { asObject, objectAt, readConf } from "./shared/conf-access";

interface AwsOptions {
  configDir: string;
  region?: string;
}

interface EnableOptions {
  configDir: string;
  true?: boolean;
  false?: boolean;
  cacheRefreshMinutes?: string;
}

interface StageOptions extends AwsOptions {
  hours: string;
}

function runEnable(options: EnableOptions): void {
  if (options.true && options.false) {
    throw new CliUsageError("give either --true or --false, not both");
  }
  const enabled = options.false !== true;
  const minutes =
    options.cacheRefreshMinutes === undefined
      ? undefined
      : parsePositiveInteger("--cache-refresh-minutes", options.cacheRefreshMinutes, 1440);
  const result = editConf(options.configDir, {
    "global.json": (current) => {
      const file = asObject(current, "global.json");
      const staging = objectAt(objectAt(file, "infrastructure"), "rule_staging");
      staging.enabled = enabled;
      if (minutes !== undefined) staging.cache_refresh_minutes = minutes;
      return file;
    },
  });
  printWarnings(result.warnings);
  say(`rule staging ${enabled ? "enabled" : "disabled"} (global.json infrastructure.rule_staging)`);
  if (enabled && result.config.lambda.rule_promotion_config?.enabled !== true) {
    say(
      "staged rules are promoted automatically only when lambda.json rule_promotion_config.enabled is true",
    );
  }
  say("apply with: streamalert build, then streamalert deploy");
}

function tableClient(options: AwsOptions) {
  const config = readConf(options.configDir);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient(
      awsClientConfig("dynamodb", { region: options.region ?? config.global.account.region }),
    ),
  );
  return { config, client, table: globalNames(config.global.account.prefix).rulesTable };
}

function describeTableError(table: string, error: unknown): Error {
  if (error instanceof Error && error.name === "ResourceNotFoundException") {
    return new Error(
      `the rules table ${table} does not exist in this account/region; check --region, or deploy the global stack (streamalert deploy)`,
    );
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new Error(`could not use the rules table ${table}: ${detail}`);
}

function statusLine(item: RuleTableItem, width: number, now: number): string {
  const name = item.RuleName.padEnd(width);
  if (!item.Staged) return `${name}  no`;
  const until = item.StagedUntil ? Date.parse(item.StagedUntil) : Number.NaN;
  const left = Number.isNaN(until)
    ? ""
    : until > now
      ? ` (${Math.ceil((until - now) / 3_600_000)} h left)`
      : " (window over, awaiting promotion)";
  return `${name}  yes     since ${item.StagedAt ?? "?"} until ${item.StagedUntil ?? "?"}${left}`;
}

async function runStatus(options: AwsOptions): Promise<void> {
  const { config, client, table } = tableClient(options);
  if (!config.global.infrastructure.rule_staging?.enabled) {
    warn(
      "warning: rule staging is disabled in global.json, so the rules engine ignores this table (streamalert rule-staging enable)",
    );
  }
  let items: RuleTableItem[];
  try {
    items = await scanRulesTable(client, table);
  } catch (error) {
    throw describeTableError(table, error);
  } finally {
    client.destroy();
  }
  if (items.length === 0) {
    say(`${table} has no rules yet; stage one with: streamalert rule-staging stage <rule>`);
    return;
  }
  const width = Math.max(4, ...items.map((item) => item.RuleName.length));
  say(`${"Rule".padEnd(width)}  Staged`);
  const now = Date.now();
  for (const item of items) say(statusLine(item, width, now));
  const staged = items.filter((item) => item.Staged).length;
  say(`${staged} staged, ${items.length} rule${items.length === 1 ? "" : "s"} in ${table}`);
}

async function runStage(stage: boolean, rules: string[], options: StageOptions): Promise<void> {
  const hours = parsePositiveInteger("--hours", options.hours, 24 * 365);
  const { client, table } = tableClient(options);
  const missing: string[] = [];
  try {
    for (const rule of [...new Set(rules)]) {
      if (stage) {
        const item = await stageRule(client, table, rule, hours, new Date());
        say(`${rule}: staged until ${item.StagedUntil}`);
      } else if (await unstageRule(client, table, rule)) {
        say(`${rule}: unstaged, its alerts go to all its outputs`);
      } else {
        missing.push(rule);
      }
    }
  } catch (error) {
    throw describeTableError(table, error);
  } finally {
    client.destroy();
  }
  if (missing.length > 0) {
    throw new CliUsageError(
      `not in ${table}, so not staged: ${missing.join(", ")} (see streamalert rule-staging status)`,
    );
  }
}

const AWS_FLAGS = (command: Command) =>
  command
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .option("--region <region>", "AWS region of the rules table (default: global.json's)");

export function registerRuleStagingCommand(program: Command): void {
  const staging = program
    .command("rule-staging")
    .description("rule staging: turn it on or off, list and change which rules are staged");
  staging
    .command("enable")
    .description("turn rule staging on (or off with --false) in global.json")
    .option("-t, --true", "enable rule staging (the default)")
    .option("-f, --false", "disable rule staging")
    .option("--cache-refresh-minutes <minutes>", "how often the rules engine re-reads the table")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText(
      "after",
      "\nExample:\n  $ streamalert rule-staging enable --cache-refresh-minutes 5\n  $ streamalert rule-staging enable --false",
    )
    .action(commandAction(runEnable));
  AWS_FLAGS(
    staging
      .command("status")
      .description("list the rules table: which rules are staged, until when"),
  )
    .addHelpText("after", "\nExample:\n  $ streamalert rule-staging status --region us-east-1")
    .action(commandAction(runStatus));
  AWS_FLAGS(
    staging
      .command("stage")
      .description("stage rules: their alerts go only to the required outputs for a while")
      .argument("<rules...>", "rule names")
      .option("--hours <hours>", "length of the staging window", String(DEFAULT_STAGING_HOURS)),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ streamalert rule-staging stage cloudtrail_root_account_usage",
    )
    .action(
      commandAction((rules: string[], options: StageOptions) => runStage(true, rules, options)),
    );
  AWS_FLAGS(
    staging
      .command("unstage")
      .description("unstage rules: their alerts go to all their outputs again")
      .argument("<rules...>", "rule names"),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ streamalert rule-staging unstage cloudtrail_root_account_usage",
    )
    .action(
      commandAction((rules: string[], options: StageOptions) =>
        runStage(false, rules, { ...options, hours: String(DEFAULT_STAGING_HOURS) }),
      ),
    );
}
