#!/usr/bin/env node
// The `streamalert` command line. Each subcommand lives in scripts/cli/<command>.ts and
// registers itself on the program; this file only lists them.
import { Command } from "commander";
import { registerAppCommand } from "./cli/app";
import { registerAthenaCommand } from "./cli/athena";
import { registerBuildCommand } from "./cli/build";
import { registerConfigureCommand } from "./cli/configure";
import { registerCreateAlarmCommands } from "./cli/create-alarm";
import { registerCustomMetricsCommand } from "./cli/custom-metrics";
import { registerInitCommand } from "./cli/init";
import { registerKinesisCommand } from "./cli/kinesis";
import { registerListTargetsCommand } from "./cli/list-targets";
import { registerLookupTablesCommand } from "./cli/lookup-tables";
import { registerOutputCommand } from "./cli/output";
import { registerRollbackCommand } from "./cli/rollback";
import { registerRuleStagingCommand } from "./cli/rule-staging";
import { registerRunCommand } from "./cli/run";
import { registerStatusCommand } from "./cli/status";
import { registerTerraformCommands } from "./cli/terraform";
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
  registerBuildCommand,
  registerTerraformCommands,
  registerRollbackCommand,
  registerRuleStagingCommand,
  registerLookupTablesCommand,
  registerAthenaCommand,
  registerRunCommand,
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
