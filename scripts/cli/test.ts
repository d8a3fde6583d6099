// `streamalert test classifier|rules` (SPEC §4.6): registers the subcommands; the work is in
// scripts/cli/test/run-test-command.ts.
import type { Command } from "commander";
import { runTestCommand, type TestCommandOptions } from "./test/run-test-command";

interface ParsedTestOptions {
  testFiles?: string[];
  testRules?: string[];
  rulesDir: string[];
  configDir: string;
  verbose?: boolean;
  quiet?: boolean;
}

export function registerTestCommand(program: Command): void {
  const test = program
    .command("test")
    .description("run StreamAlert-format test events through the classifier and rules engine");
  const subcommands: Array<[TestCommandOptions["command"], string]> = [
    ["rules", "classify each test event and check which rules it triggers"],
    ["classifier", "classify each test event only; warn when a second schema also matches"],
  ];
  for (const [name, description] of subcommands) {
    test
      .command(name)
      .description(description)
      // StreamAlert's flags, short forms included, so its users' habits and scripts carry over
      .option(
        "-f, --test-files <files...>",
        "test event files by name (with or without .json) or path",
      )
      .option("-r, --test-rules <rules...>", "only events expecting these rules")
      .option("-d, --rules-dir <dirs...>", "where test event files are looked for, recursively", [
        "rules",
      ])
      .option(
        "-c, --config-dir <dir>",
        "the conf folder (conf/schemas or schemas/ beside it)",
        "conf",
      )
      .option("-v, --verbose", "show passing events, notes and config warnings")
      .option("-q, --quiet", "show failures and the totals only")
      .action(async (options: ParsedTestOptions) => {
        process.exitCode = await runTestCommand(
          { command: name, ...options },
          {
            write: (line) => process.stdout.write(`${line}\n`),
            color: process.stdout.isTTY === true,
          },
        );
      });
  }
}
