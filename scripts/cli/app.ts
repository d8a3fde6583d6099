// `streamalert app new|list|update-auth`: StreamAlert apps (scheduled pollers of SaaS logs).
// `new` adds the app to the cluster file (modules.streamalert_apps and a streamalert_app data
// source) and stores its auth as SSM SecureString `<function>_auth`, the parameter the app reads.
import type { Command } from "commander";
import { SCHEDULE_EXPRESSION } from "../../functions/shared/config/validate-lambda";
import { moduleBlock } from "../../modules/shared/cluster-settings";
import { APP_TYPES, type AppType, appType } from "./app/app-types";
import { type ConfEdit, editConf } from "./conf-edit";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  parsePositiveInteger,
  printWarnings,
  say,
} from "./shared/command-action";
import { asObject, checkConfEdit, objectAt, readConf, selectClusters } from "./shared/conf-access";
import { collectSecrets, parseSecretFlags } from "./shared/secret-input";
import { putSecureParameter, ssmClient } from "./shared/ssm-secrets";

interface AppAuthOptions {
  cluster: string;
  name: string;
  fromStdin?: boolean;
  region?: string;
  configDir: string;
}

interface AppNewOptions extends AppAuthOptions {
  type: string;
  interval: string;
  timeout: string;
  memory: string;
  skipAuth?: boolean;
}

const APP_NAME = /^[a-z0-9_-]+$/;
const TYPE_LIST = APP_TYPES.map((app) => app.type).join(", ");
const authParameter = (functionName: string) => `${functionName}_auth`;

async function storeAuth(
  app: AppType,
  functionName: string,
  options: AppAuthOptions,
  extraArgs: readonly string[],
  overwrite: boolean,
  region: string,
): Promise<void> {
  const what = `the ${app.type} app`;
  const flags = parseSecretFlags(
    extraArgs,
    app.auth.map((field) => field.key),
    what,
  );
  const secret = await collectSecrets(
    app.auth,
    { flags, fromStdin: options.fromStdin === true },
    what,
  );
  await putSecureParameter(
    ssmClient(options.region ?? region),
    {
      name: authParameter(functionName),
      value: secret,
      description: `Authentication of the ${app.type} StreamAlert app ${options.name}`,
      overwrite,
    },
    "update it with: streamalert app update-auth",
  );
  say(`stored the app's auth in SSM parameter ${authParameter(functionName)}`);
}

async function runAppNew(options: AppNewOptions, command: Command): Promise<void> {
  const app = appType(options.type);
  if (!app)
    throw new CliUsageError(`--type ${JSON.stringify(options.type)} is not one of ${TYPE_LIST}`);
  if (!APP_NAME.test(options.name)) {
    throw new CliUsageError(
      `--name ${JSON.stringify(options.name)} may hold only lowercase letters, digits, "_" and "-"`,
    );
  }
  if (!SCHEDULE_EXPRESSION.test(options.interval)) {
    throw new CliUsageError(
      `--interval ${JSON.stringify(options.interval)} is not a schedule such as "rate(10 minutes)" or "cron(0 * * * ? *)"`,
    );
  }
  const memory = parsePositiveInteger("--memory", options.memory, 10240);
  const timeout = parsePositiveInteger("--timeout", options.timeout, 900);
  const config = readConf(options.configDir);
  const [cluster] = selectClusters(config, [options.cluster]);
  const functionName = `${config.global.account.prefix}_${cluster}_${app.type}_${options.name}_app`;
  if (moduleBlock(config.clusters[cluster], "streamalert_apps", functionName)) {
    throw new CliUsageError(
      `app ${options.name} (${functionName}) already exists in cluster ${cluster}; change its auth with streamalert app update-auth`,
    );
  }
  const file = `clusters/${cluster}.json`;
  const edits: Record<string, ConfEdit> = {
    [file]: (current) => {
      const content = asObject(current, file);
      objectAt(objectAt(content, "modules"), "streamalert_apps")[functionName] = {
        app_name: options.name,
        concurrency_limit: 2,
        log_level: "info",
        log_retention_days: 14,
        memory,
        metric_alarms: { errors: { enabled: true, evaluation_periods: 1, period_secs: 120 } },
        schedule_expression: options.interval,
        timeout,
        type: app.type,
      };
      objectAt(objectAt(content, "data_sources"), "streamalert_app")[functionName] = [app.logType];
      return content;
    },
  };
  // Validate first: no secret is stored for an app whose configuration would be refused.
  checkConfEdit(options.configDir, edits);
  if (!options.skipAuth) {
    await storeAuth(app, functionName, options, command.args, false, config.global.account.region);
  } else if (command.args.length > 0) {
    throw new CliUsageError("--skip-auth takes no auth values; drop them or --skip-auth");
  }
  const result = editConf(options.configDir, edits);
  printWarnings(result.warnings);
  say(
    `added app ${functionName} (${app.type}, ${options.interval}) to ${options.configDir}/${file}`,
  );
  if (options.skipAuth) {
    say(
      `note: store its auth before deploying: streamalert app update-auth --cluster ${cluster} --name ${options.name}`,
    );
  }
}

function runAppList(options: { configDir: string }): void {
  const config = readConf(options.configDir);
  for (const cluster of selectClusters(config)) {
    say(`Cluster ${cluster}`);
    const apps = moduleBlock(config.clusters[cluster], "streamalert_apps") ?? {};
    const names = Object.keys(apps).sort();
    if (names.length === 0) say("  no apps");
    for (const name of names) {
      const settings = moduleBlock(config.clusters[cluster], "streamalert_apps", name) ?? {};
      say(`  ${name}`);
      for (const key of ["app_name", "type", "schedule_expression", "memory", "timeout"]) {
        if (settings[key] !== undefined) say(`    ${key.padEnd(20)} ${String(settings[key])}`);
      }
    }
  }
}

async function runUpdateAuth(options: AppAuthOptions, command: Command): Promise<void> {
  const config = readConf(options.configDir);
  const [cluster] = selectClusters(config, [options.cluster]);
  const apps = moduleBlock(config.clusters[cluster], "streamalert_apps") ?? {};
  const functionName = Object.keys(apps).find(
    (name) =>
      moduleBlock(config.clusters[cluster], "streamalert_apps", name)?.app_name === options.name,
  );
  if (!functionName) {
    const known = Object.values(apps)
      .map((settings) => String((settings as { app_name?: unknown }).app_name))
      .join(", ");
    throw new CliUsageError(
      `cluster ${cluster} has no app named ${JSON.stringify(options.name)}${known ? `; its apps: ${known}` : ""}`,
    );
  }
  const type = String(
    moduleBlock(config.clusters[cluster], "streamalert_apps", functionName)?.type,
  );
  const app = appType(type);
  if (!app)
    throw new CliUsageError(
      `app ${functionName} has type ${JSON.stringify(type)}, which this CLI does not know`,
    );
  await storeAuth(app, functionName, options, command.args, true, config.global.account.region);
}

const AUTH_HELP = `
Auth values: --<key> <value> per key (e.g. --api_hostname ... for Duo), or --from-stdin with
a JSON object of them, or on a terminal you are asked (secrets are not echoed).
App types: ${TYPE_LIST}`;

export function registerAppCommand(program: Command): void {
  const app = program.command("app").description("add, list or re-authenticate StreamAlert apps");
  app
    .command("new")
    .description("add an app to a cluster and store its auth in SSM")
    .requiredOption("--type <type>", "the app type, e.g. duo_auth")
    .requiredOption("--cluster <name>", "the cluster whose classifier receives its logs")
    .requiredOption("--name <name>", "a name for this app, unique in the cluster")
    .requiredOption("--interval <expression>", 'how often it polls, e.g. "rate(10 minutes)"')
    .option("--timeout <seconds>", "function timeout", "60")
    .option("--memory <mb>", "function memory", "128")
    .option("--from-stdin", "read the auth as a JSON object from stdin")
    .option("--skip-auth", "only write the configuration; store the auth later")
    .option("--region <region>", "AWS region for SSM (default: global.json's)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      "after",
      `${AUTH_HELP}

Example:
  $ streamalert app new --type duo_auth --cluster prod --name corp_duo \\
      --interval "rate(10 minutes)" --api_hostname api-1a2b3c4d.duosecurity.com \\
      --integration_key DIXXXXXXXXXXXXXXXXXX --from-stdin < duo-secret.json`,
    )
    .action(
      commandAction((options: AppNewOptions, command: Command) => runAppNew(options, command)),
    );
  app
    .command("list")
    .description("list the configured apps per cluster")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", "\nExample:\n  $ streamalert app list")
    .action(commandAction(runAppList));
  app
    .command("update-auth")
    .description("replace an app's auth in SSM")
    .requiredOption("--cluster <name>", "the app's cluster")
    .requiredOption("--name <name>", "the app's name (app_name)")
    .option("--from-stdin", "read the auth as a JSON object from stdin")
    .option("--region <region>", "AWS region for SSM (default: global.json's)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      "after",
      `${AUTH_HELP}

Example:
  $ streamalert app update-auth --cluster prod --name corp_duo --from-stdin < duo-auth.json`,
    )
    .action(
      commandAction((options: AppAuthOptions, command: Command) => runUpdateAuth(options, command)),
    );
}
