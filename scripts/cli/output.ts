// `streamalert output set|get|list`: where alerts go. `set` adds a descriptor to outputs.json
// (StreamAlert's format: AWS services map descriptor → resource, others list descriptors) and,
// for services with credentials, stores them as SSM SecureString
// `/<prefix>/streamalert/outputs/<service>/<descriptor>` under the secrets KMS key. `get` shows
// the stored keys masked; `list` never reads a secret.
import type { Command } from "commander";
import { credentialParameterName } from "../../functions/alert_processor/credentials";
import { globalNames } from "../../modules/shared/names";
import { type ConfEdit, editConf } from "./conf-edit";
import { loadOutputCatalog, type OutputCatalog, RESOURCE_SERVICES } from "./output/service-catalog";
import {
  CliUsageError,
  CONFIG_DIR_FLAGS,
  CONFIG_DIR_HELP,
  commandAction,
  printWarnings,
  say,
  warn,
} from "./shared/command-action";
import { asObject, checkConfEdit, readConf } from "./shared/conf-access";
import { collectSecrets, maskedEntries, parseSecretFlags } from "./shared/secret-input";
import { getSecureParameter, putSecureParameter, ssmClient } from "./shared/ssm-secrets";

interface OutputSetOptions {
  descriptor: string;
  resource?: string;
  update?: boolean;
  fromStdin?: boolean;
  region?: string;
  configDir: string;
}

interface OutputGetOptions {
  region?: string;
  configDir: string;
}

// A rule names an output "service:descriptor", so the descriptor can hold no colon.
const DESCRIPTOR = /^[^:\s]+$/;

function knownService(catalog: OutputCatalog, service: string) {
  const info = catalog[service];
  if (!info) {
    throw new CliUsageError(
      `unknown output service ${JSON.stringify(service)}; use one of ${Object.keys(catalog).sort().join(", ")}`,
    );
  }
  return info;
}

/** outputs.json with the descriptor added (or its resource replaced, with --update). */
function outputsEdit(service: string, options: OutputSetOptions): ConfEdit {
  return (current) => {
    const outputs = asObject(current, "outputs.json");
    const entry = outputs[service];
    if (options.resource !== undefined) {
      if (Array.isArray(entry)) {
        throw new CliUsageError(
          `outputs.json lists ${service} descriptors without resources; drop --resource, or change ${service} to the {"descriptor": "resource"} form first`,
        );
      }
      outputs[service] = {
        ...((entry as Record<string, string>) ?? {}),
        [options.descriptor]: options.resource,
      };
    } else {
      if (entry !== undefined && !Array.isArray(entry)) {
        throw new CliUsageError(
          `outputs.json maps ${service} descriptors to resources; pass --resource <name>`,
        );
      }
      const list = (entry as string[] | undefined) ?? [];
      outputs[service] = list.includes(options.descriptor) ? list : [...list, options.descriptor];
    }
    return outputs;
  };
}

function isConfigured(entry: unknown, descriptor: string): boolean {
  if (Array.isArray(entry)) return entry.includes(descriptor);
  return typeof entry === "object" && entry !== null && Object.hasOwn(entry, descriptor);
}

async function runOutputSet(
  service: string,
  options: OutputSetOptions,
  command: Command,
): Promise<void> {
  const catalog = await loadOutputCatalog();
  const info = knownService(catalog, service);
  if (!DESCRIPTOR.test(options.descriptor)) {
    throw new CliUsageError(
      `--descriptor ${JSON.stringify(options.descriptor)} may not hold spaces or colons (rules name outputs as service:descriptor)`,
    );
  }
  if (RESOURCE_SERVICES.includes(service) && !options.resource) {
    throw new CliUsageError(
      `${service} needs --resource <name>: the ${service} resource the descriptor sends to`,
    );
  }
  const config = readConf(options.configDir);
  if (isConfigured(config.outputs[service], options.descriptor) && !options.update) {
    throw new CliUsageError(
      `${service}:${options.descriptor} already exists in ${options.configDir}/outputs.json; pass --update to replace it`,
    );
  }
  const extraArgs = command.args.slice(1);
  const edit = outputsEdit(service, options);
  // Validate first: no secret is stored for an output the configuration would refuse.
  checkConfEdit(options.configDir, { "outputs.json": edit });
  if (info.credentialKeys.length > 0) {
    const fields = info.credentialKeys.map((key) => ({ key, description: `${service} ${key}` }));
    // Optional settings (e.g. jira's aggregate, aws-ses's cc_emails) are kept as given.
    const flags = parseSecretFlags(extraArgs, "any", `the ${service} output`);
    const secret = await collectSecrets(
      fields,
      { flags, fromStdin: options.fromStdin === true, extraKeys: true },
      `the ${service} output`,
    );
    for (const key of Object.keys(secret)) {
      if (!info.credentialKeys.includes(key)) {
        warn(
          `note: ${key} is not a key ${service} requires (${info.credentialKeys.join(", ")}); stored as well`,
        );
      }
    }
    const prefix = config.global.account.prefix;
    const name = credentialParameterName(prefix, service, options.descriptor);
    await putSecureParameter(
      ssmClient(options.region ?? config.global.account.region),
      {
        name,
        value: secret,
        description: `StreamAlert ${service} output ${options.descriptor}`,
        keyId: globalNames(prefix).secretsKeyAlias,
        overwrite: options.update === true,
      },
      "pass --update to replace it",
    );
    say(`stored the ${service} credentials in SSM parameter ${name}`);
  } else if (extraArgs.length > 0) {
    // Only the option names: their values may be secrets typed for the wrong service.
    const names = extraArgs
      .filter((token) => token.startsWith("--"))
      .map((token) => token.split("=")[0]);
    throw new CliUsageError(
      `${service} takes no credentials; unexpected ${names.join(" ") || "arguments"}`,
    );
  }
  const result = editConf(options.configDir, { "outputs.json": edit });
  printWarnings(result.warnings);
  say(
    `${options.update ? "updated" : "added"} output ${service}:${options.descriptor}${options.resource ? ` -> ${options.resource}` : ""} in ${options.configDir}/outputs.json`,
  );
}

async function runOutputGet(
  service: string,
  descriptor: string,
  options: OutputGetOptions,
): Promise<void> {
  const catalog = await loadOutputCatalog();
  const info = knownService(catalog, service);
  const config = readConf(options.configDir);
  const entry = config.outputs[service];
  if (!isConfigured(entry, descriptor)) {
    throw new CliUsageError(
      `${service}:${descriptor} is not in ${options.configDir}/outputs.json; add it with streamalert output set ${service} --descriptor ${descriptor}`,
    );
  }
  say(`${service}:${descriptor}`);
  if (!Array.isArray(entry)) say(`  resource: ${entry[descriptor]}`);
  if (info.credentialKeys.length === 0) return;
  const name = credentialParameterName(config.global.account.prefix, service, descriptor);
  const secret = await getSecureParameter(
    ssmClient(options.region ?? config.global.account.region),
    name,
  );
  if (!secret) {
    throw new CliUsageError(
      `SSM parameter ${name} does not exist; store it with streamalert output set ${service} --descriptor ${descriptor} --update`,
    );
  }
  say(`  credentials (SSM ${name}):`);
  for (const line of maskedEntries(secret)) say(`    ${line}`);
  const missing = info.credentialKeys.filter(
    (key) => secret[key] === undefined || secret[key] === "",
  );
  if (missing.length > 0) say(`  missing: ${missing.join(", ")} (the output fails without them)`);
}

function runOutputList(options: { configDir: string }): void {
  const config = readConf(options.configDir);
  const services = Object.keys(config.outputs).sort();
  if (services.length === 0) say("no outputs configured; add one with streamalert output set");
  for (const service of services) {
    say(service);
    const entry = config.outputs[service];
    if (Array.isArray(entry)) for (const descriptor of entry) say(`  ${descriptor}`);
    else
      for (const [descriptor, resource] of Object.entries(entry))
        say(`  ${descriptor} -> ${resource}`);
  }
}

export function registerOutputCommand(program: Command): void {
  const output = program.command("output").description("add and inspect alert outputs");
  output
    .command("set")
    .description("add an output to outputs.json and store its credentials in SSM")
    .argument("<service>", "the output service, e.g. slack, jira-v2, aws-s3")
    .requiredOption("--descriptor <name>", "the name rules use: <service>:<descriptor>")
    .option("--resource <name>", "for AWS services: the function, bucket, topic, queue or stream")
    .option("--update", "replace an existing descriptor and its stored credentials")
    .option("--from-stdin", "read the credentials as a JSON object from stdin")
    .option("--region <region>", "AWS region for SSM (default: global.json's)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      "after",
      `
Credentials: --<key> <value> per key, or --from-stdin with a JSON object, or on a terminal you
are asked for each key (typing hidden). They are stored as SSM SecureString
/<prefix>/streamalert/outputs/<service>/<descriptor> encrypted with alias/<prefix>_streamalert_secrets.

Examples:
  $ streamalert output set aws-s3 --descriptor archive --resource acme-alerts-archive
  $ echo '{"url": "https://soar.example.com", "token": "..."}' | \\
      streamalert output set demisto --descriptor soar --from-stdin`,
    )
    .action(
      commandAction((service: string, options: OutputSetOptions, command: Command) =>
        runOutputSet(service, options, command),
      ),
    );
  output
    .command("get")
    .description("show an output's resource and stored credential keys (values masked)")
    .argument("<service>", "the output service")
    .argument("<descriptor>", "the descriptor")
    .option("--region <region>", "AWS region for SSM (default: global.json's)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", "\nExample:\n  $ streamalert output get demisto soar")
    .action(commandAction(runOutputGet));
  output
    .command("list")
    .description("list the configured outputs per service (never secrets)")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .addHelpText("after", "\nExample:\n  $ streamalert output list")
    .action(commandAction(runOutputList));
}
