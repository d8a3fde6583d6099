#!/usr/bin/env node
// The `streamalert` command line. Each subcommand lives in scripts/cli/<command>.ts and
// registers itself on the program; this file only lists them.
import { Command } from "commander";
import { registerAppCommand } from "./cli/app";
import { registerConfigureCommand } from "./cli/configure";
import { registerCreateAlarmCommands } from "./cli/create-alarm";
import { registerCustomMetricsCommand } from "./cli/custom-metrics";
import { registerInitCommand } from "./cli/init";
import { registerKinesisCommand } from "./cli/kinesis";
import { registerListTargetsCommand } from "./cli/list-targets";
import { registerOutputCommand } from "./cli/output";
import { registerStatusCommand } from "./cli/status";
import { registerTestCommand } from "./cli/test";
import { registerThreatIntelCommand } from "./cli/threat-intel";
import { registerThreatIntelDownloaderCommand } from "./cli/threat-intel-downloader";

const SUBCOMMANDS: Array<(program: Command) => void> = [
  registerTestCommand,
  registerInitCommand,
  registerConfigureCommand,
  registerStatusCommand,
  registerListTargetsCommand,
  registerKinesisCommand,
  registerThreatIntelCommand,
  registerThreatIntelDownloaderCommand,
  registerCreateAlarmCommands,
  registerCustomMetricsCommand,
  registerAppCommand,
  registerOutputCommand,
];

export function buildProgram(): Command {
  const program = new Command("streamalert")
    .description("StreamAlert (TypeScript): serverless real-time log analysis on AWS")
    .showHelpAfterError();
  for (const register of SUBCOMMANDS) register(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
