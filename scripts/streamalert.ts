#!/usr/bin/env node
// The `streamalert` command line. Each subcommand lives in scripts/cli/<command>.ts and
// registers itself on the program; this file only lists them.
import { Command } from "commander";
import { registerTestCommand } from "./cli/test";

const SUBCOMMANDS: Array<(program: Command) => void> = [registerTestCommand];

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
