// `streamalert run`: the whole pipeline locally on log files (docs/local-pipeline.md). The work
// is in scripts/cli/run/local-pipeline.ts; this file parses the flags and prints.
import type { Command } from "commander";
import {
  type LocalRunIo,
  type LocalRunOptions,
  RunSetupError,
  runLocalPipeline,
} from "./run/local-pipeline";
import { exitCodeOf, formatSummary } from "./run/summary";
import { CONFIG_DIR_FLAGS, CONFIG_DIR_HELP } from "./shared/command-action";

/** The command's flags are the local run's options (commander names them the same). */
export type RunCommandOptions = LocalRunOptions;

export interface RunCommandIo extends LocalRunIo {
  /** problems that stopped the run (stderr) */
  error(line: string): void;
}

/**
 * The whole command, returning its exit code: 0 everything processed and delivered, 1 some
 * records or alerts were not (the summary says which), 2 nothing ran (bad flags, config, input).
 */
export async function runRunCommand(options: RunCommandOptions, io: RunCommandIo): Promise<number> {
  try {
    const summary = await runLocalPipeline(options, io);
    for (const line of formatSummary(summary)) io.write(line);
    return exitCodeOf(summary);
  } catch (error) {
    if (error instanceof RunSetupError) {
      io.error(`error: ${error.message}`);
      return 2;
    }
    io.error(
      `error: the local run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

const EXAMPLE = `
The input's data source (service and resource) comes from its folders, <service>/<resource>/...
as in samples/, unless --service and --source say it. Alerts are printed as they are delivered;
every output is written to a JSON-lines file in --output-dir instead of being sent.

Examples:
  $ streamalert run --cluster prod --input samples
  $ streamalert run --cluster prod --input cloudtrail.json.gz --service s3 --source acme-prod-cloudtrail
  $ cat events.jsonl | streamalert run --cluster prod --input - --service kinesis --source acme_prod_streamalert`;

export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description(
      "run the whole pipeline locally on log files: classifier, rules, merger, processor on local AWS emulators",
    )
    .requiredOption("--cluster <name>", "the cluster whose data sources and classifier to use")
    .requiredOption("--input <path>", "a log file, a folder of logs (recursively), or - for stdin")
    .option("--service <service>", "the input's service: kinesis, s3, sns or streamalert_app")
    .option("--source <resource>", "the input's stream, bucket, topic or app function name")
    .option(CONFIG_DIR_FLAGS, CONFIG_DIR_HELP, "conf")
    .option("--rules-dir <dir>", "where the rules, matchers and publishers are", "rules")
    .option("--output-dir <dir>", "where the local output files are written", "build/run")
    .option(
      "--live-outputs",
      "send alerts to the real outputs of conf/outputs.json (credentials from SSM)",
    )
    .addHelpText("after", EXAMPLE)
    .action(async (options: RunCommandOptions) => {
      // the SDK's notice about its future Node requirement is noise in a local run's output
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
      process.exitCode = await runRunCommand(options, {
        write: (line) => process.stdout.write(`${line}\n`),
        error: (line) => process.stderr.write(`${line}\n`),
        progressStream: process.stderr,
      });
    });
}
