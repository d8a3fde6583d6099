// `streamalert threat-intel-downloader configure`: the ThreatStream downloader's block of
// lambda.json (schedule, size, which IOCs) and, when asked, its API credentials in SSM
// (SecureString `threat_intel_downloader_api_creds`, the parameter the function reads).
import type { Command } from "commander";
import { IOC_TYPES } from "../../functions/shared/config/validate-threat-intel";
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
import { asObject, checkConfEdit, objectAt, readConf } from "./shared/conf-access";
import { collectSecrets, type SecretField } from "./shared/secret-input";
import { putSecureParameter, ssmClient } from "./shared/ssm-secrets";

export const API_CREDENTIALS_PARAMETER = "threat_intel_downloader_api_creds";
const BLOCK = "threat_intel_downloader_config";

interface DownloaderOptions {
  interval?: string;
  memory?: string;
  timeout?: string;
  iocTypes?: string[];
  iocFilters?: string[];
  excludedSubTypes?: string[];
  disable?: boolean;
  credentials?: boolean;
  apiUser?: string;
  apiKey?: string;
  fromStdin?: boolean;
  region?: string;
  configDir: string;
}

const CREDENTIAL_FIELDS: SecretField[] = [
  {
    key: "api_user",
    description: "ThreatStream API user, an email address",
    visible: true,
    check: (value) =>
      /^[A-Za-z][^@\s]*@\S+$/.test(value) ? undefined : "must be an email address",
  },
  {
    key: "api_key",
    description: "ThreatStream API key, 40 letters and digits",
    check: (value) =>
      /^[A-Za-z0-9]{40}$/.test(value) ? undefined : "must be 40 letters and digits",
  },
];

const DEFAULT_BLOCK = {
  enabled: true,
  excluded_sub_types: [],
  ioc_filters: [],
  ioc_types: [],
  log_level: "info",
  log_retention_days: 14,
  memory: 128,
  metric_alarms: {
    errors: { enabled: true, evaluation_periods: 1, period_secs: 3600, threshold: 0 },
  },
  schedule_expression: "rate(1 day)",
  timeout: 120,
};

const EXAMPLE = `
Example:
  $ streamalert threat-intel-downloader configure --interval "rate(12 hours)" \\
      --ioc-types ip domain md5 --ioc-filters crowdstrike --credentials
  asks for the ThreatStream API user and key (or pass --api-user/--api-key, or
  --from-stdin with {"api_user": "...", "api_key": "..."}) and stores them in SSM`;

function downloaderEdit(options: DownloaderOptions): ConfEdit {
  for (const type of options.iocTypes ?? []) {
    if (!IOC_TYPES.includes(type)) {
      throw new CliUsageError(
        `--ioc-types: unknown IOC type ${JSON.stringify(type)}; use ${IOC_TYPES.join(", ")}`,
      );
    }
  }
  const memory = options.memory && parsePositiveInteger("--memory", options.memory, 10240);
  const timeout = options.timeout && parsePositiveInteger("--timeout", options.timeout, 900);
  return (current) => {
    const file = asObject(current, "lambda.json");
    const block =
      file[BLOCK] === undefined ? structuredClone(DEFAULT_BLOCK) : objectAt(file, BLOCK);
    block.enabled = options.disable !== true;
    if (options.interval) block.schedule_expression = options.interval;
    if (memory) block.memory = memory;
    if (timeout) block.timeout = timeout;
    if (options.iocTypes) block.ioc_types = options.iocTypes;
    if (options.iocFilters) block.ioc_filters = options.iocFilters;
    if (options.excludedSubTypes) block.excluded_sub_types = options.excludedSubTypes;
    file[BLOCK] = block;
    return file;
  };
}

async function runConfigure(options: DownloaderOptions): Promise<void> {
  const config = readConf(options.configDir);
  const edit = downloaderEdit(options);
  const storeCredentials =
    options.credentials === true ||
    options.apiUser !== undefined ||
    options.apiKey !== undefined ||
    options.fromStdin === true;
  if (storeCredentials) {
    checkConfEdit(options.configDir, { "lambda.json": edit });
    const flags: Record<string, string> = {};
    if (options.apiUser !== undefined) flags.api_user = options.apiUser;
    if (options.apiKey !== undefined) flags.api_key = options.apiKey;
    const secret = await collectSecrets(
      CREDENTIAL_FIELDS,
      { flags, fromStdin: options.fromStdin === true },
      "the threat intel downloader",
    );
    await putSecureParameter(
      ssmClient(options.region ?? config.global.account.region),
      {
        name: API_CREDENTIALS_PARAMETER,
        value: secret,
        description: "ThreatStream API credentials of the StreamAlert threat intel downloader",
        overwrite: true,
      },
      "it is replaced on every run, so this should not happen",
    );
    say(`stored the API credentials in SSM parameter ${API_CREDENTIALS_PARAMETER}`);
  }
  const result = editConf(options.configDir, { "lambda.json": edit });
  printWarnings(result.warnings);
  const block = result.config.lambda[BLOCK];
  say(
    `threat intel downloader ${block.enabled ? "enabled" : "disabled"}: ${String(block.schedule_expression)}, ioc_types ${JSON.stringify(block.ioc_types ?? [])}, ioc_filters ${JSON.stringify(block.ioc_filters ?? [])}`,
  );
  const intelOn =
    result.config.threatIntel.enabled ||
    Object.values(result.config.clusters).some((c) => c.enable_threat_intel === true);
  if (block.enabled && !intelOn) {
    say(
      "note: threat intel itself is off, so the downloader is not built; run streamalert threat-intel enable",
    );
  }
  if (block.enabled && !storeCredentials) {
    say(
      `note: the API credentials are read from SSM ${API_CREDENTIALS_PARAMETER}; store them with --credentials`,
    );
  }
}

export function registerThreatIntelDownloaderCommand(program: Command): void {
  program
    .command("threat-intel-downloader")
    .description("configure the ThreatStream IOC downloader")
    .command("configure")
    .description("set the downloader's lambda.json block and optionally its API credentials")
    .option("--interval <expression>", 'schedule, e.g. "rate(1 day)"')
    .option("--memory <mb>", "function memory in MB")
    .option("--timeout <seconds>", "function timeout in seconds")
    .option("--ioc-types <types...>", `IOC types to fetch (${IOC_TYPES.join(", ")})`)
    .option("--ioc-filters <sources...>", "only IOCs whose source contains one of these")
    .option("--excluded-sub-types <types...>", "IOC sub types to skip, e.g. bot_ip tor_ip")
    .option("--disable", "turn the downloader off")
    .option("--credentials", "store the ThreatStream API credentials (asked for on a terminal)")
    .option("--api-user <user>", "ThreatStream API user (implies --credentials)")
    .option("--api-key <key>", "ThreatStream API key (implies --credentials)")
    .option("--from-stdin", "read the credentials as a JSON object from stdin")
    .option("--region <region>", "AWS region for SSM (default: global.json's)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", EXAMPLE)
    .action(commandAction(runConfigure));
}
