// docs/rules.md shows its example rule and test events in full and the output of their test run.
// These tests keep those blocks equal to the files on disk and to what the command prints, so
// the page cannot drift from the code.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runTestCommand, type TestCommandOptions } from "../../scripts/cli/test/run-test-command";

const ROOT = join(__dirname, "..", "..");
const DOC_PATH = join(ROOT, "docs", "rules.md");
const doc = readFileSync(DOC_PATH, "utf8");
const EXAMPLE_FILES = [
  "rules/aws/cloudtrail/aws_iam_user_added_to_admin_group.ts",
  "rules/aws/cloudtrail/aws_iam_user_added_to_admin_group.json",
];

/** The text of the fenced code block that starts on the line after `marker`. */
function blockAfter(marker: string): string {
  const at = doc.indexOf(`${marker}\n`);
  if (at < 0) throw new Error(`docs/rules.md has no ${marker} line`);
  const fenced = /^```[\w-]*\n([\s\S]*?\n)```\n/.exec(doc.slice(at + marker.length + 1));
  if (!fenced) throw new Error(`docs/rules.md: ${marker} must be followed by a code block`);
  return fenced[1];
}

/** The `streamalert test ...` arguments of the documented command, as the command's options. */
function testOptions(commandLine: string): TestCommandOptions {
  const prefix = "$ npx tsx scripts/streamalert.ts test ";
  if (!commandLine.startsWith(prefix)) {
    throw new Error(`the output block must start with "${prefix}...", got "${commandLine}"`);
  }
  const [command, ...args] = commandLine.slice(prefix.length).split(/\s+/);
  if (command !== "rules" && command !== "classifier") {
    throw new Error(`unknown test command "${command}" in docs/rules.md`);
  }
  const options: TestCommandOptions = { command };
  let list: string[] | undefined;
  for (const arg of args) {
    if (arg === "-r" || arg === "--test-rules") list = options.testRules = [];
    else if (arg === "-f" || arg === "--test-files") list = options.testFiles = [];
    else if (arg === "-v" || arg === "--verbose") options.verbose = true;
    else if (!arg.startsWith("-") && list) list.push(arg);
    else throw new Error(`docs/rules.md: this test does not know the flag ${arg}; add it here`);
  }
  return options;
}

describe("docs/rules.md", () => {
  it("shows every file it names in a <!-- file: --> block, the example's two among them", () => {
    const named = [...doc.matchAll(/^<!-- file: (\S+) -->$/gm)].map((match) => match[1]);
    expect(named).toEqual(expect.arrayContaining(EXAMPLE_FILES));
  });

  it.each([...doc.matchAll(/^<!-- file: (\S+) -->$/gm)].map((match) => match[1]))(
    "shows %s exactly as it is on disk",
    (path) => {
      expect(blockAfter(`<!-- file: ${path} -->`)).toBe(readFileSync(join(ROOT, path), "utf8"));
    },
  );

  it("shows what the example's test command really prints", async () => {
    const [commandLine, ...expected] = blockAfter("<!-- output -->").trimEnd().split("\n");
    const lines: string[] = [];
    const code = await runTestCommand(
      {
        ...testOptions(commandLine),
        rulesDir: relative(process.cwd(), join(ROOT, "rules")) || ".",
        configDir: relative(process.cwd(), join(ROOT, "conf")) || ".",
      },
      { write: (line) => lines.push(line), color: false },
    );
    expect(lines).toEqual(expected);
    expect(code).toBe(0);
  });
});
