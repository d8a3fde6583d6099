// The output services of a local run. By default every service of conf/outputs.json (and the
// required alerts Firehose) is redirected to a local-file output named after it —
// `slack:security-alerts` → <output-dir>/slack-security-alerts.jsonl — so nothing leaves the
// machine and no credentials are needed. With --live-outputs the real services are used
// (credentials from SSM, the standard AWS credential chain).
import { join } from "node:path";
import { createConsoleOutput } from "../../../functions/alert_processor/outputs/console";
import {
  createLocalFileOutput,
  LOCAL_FILE_SERVICE,
  type LocalFileOutput,
  localFileName,
} from "../../../functions/alert_processor/outputs/local-file";
import type { OutputService } from "../../../functions/alert_processor/outputs/types";
import { REQUIRED_OUTPUTS } from "../../../functions/shared/alert";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";

export interface LocalOutputs {
  services: Record<string, OutputService>;
  localFile: LocalFileOutput;
  /** prints one line per alert */
  console: OutputService;
  /** true unless --live-outputs */
  redirected: boolean;
  /** the file a redirected `service:descriptor` output is written to */
  fileFor(output: string): string | undefined;
}

export interface LocalOutputsOptions {
  outputDir: string;
  live: boolean;
  /** where the console output's lines go */
  write(line: string): void;
}

/** `slack:security-alerts` → the local-file descriptor `slack-security-alerts`. */
export function redirectDescriptor(service: string, descriptor: string): string {
  return `${service}-${descriptor}`;
}

export async function createLocalOutputs(
  config: StreamAlertConfig,
  options: LocalOutputsOptions,
): Promise<LocalOutputs> {
  const localFile = createLocalFileOutput({ dir: options.outputDir });
  const console = createConsoleOutput({ write: options.write });
  const local: Record<string, OutputService> = {
    [LOCAL_FILE_SERVICE]: localFile,
    [console.service]: console,
  };
  if (options.live) {
    // loaded only here: every AWS output's SDK client comes with it
    const { createOutputServices } = await import(
      "../../../functions/alert_processor/outputs/index"
    );
    const live = createOutputServices({ accountId: config.global.account.aws_account_id });
    return {
      services: { ...live, ...local },
      localFile,
      console,
      redirected: false,
      fileFor: () => undefined,
    };
  }
  const redirectedServices = new Set([
    ...Object.keys(config.outputs),
    ...REQUIRED_OUTPUTS.map((output) => output.split(":")[0]),
  ]);
  const services: Record<string, OutputService> = {};
  for (const service of redirectedServices) services[service] = redirectTo(localFile, service);
  return {
    services: { ...services, ...local },
    localFile,
    console,
    redirected: true,
    fileFor(output) {
      const colon = output.indexOf(":");
      if (colon <= 0) return undefined;
      const service = output.slice(0, colon);
      if (!redirectedServices.has(service)) return undefined;
      const descriptor = redirectDescriptor(service, output.slice(colon + 1));
      return join(options.outputDir, localFileName(descriptor));
    },
  };
}

/** Stands in for `service`: same name, no credentials, writes to the local file instead. */
function redirectTo(localFile: LocalFileOutput, service: string): OutputService {
  return {
    service,
    credentialKeys: [],
    dispatch: (request) =>
      localFile.dispatch({
        ...request,
        descriptor: redirectDescriptor(service, request.descriptor),
      }),
  };
}
