import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { runCli, type TempConf, tempConf } from "./run-cli";

// A stand-in `terraform` first on PATH: records its folder, arguments and the version-check
// setting, and fails with exit 3 on the subcommand named by FAKE_TF_FAIL.
const FAKE_TERRAFORM = `#!/bin/sh
echo "$(basename "$(pwd)")|$*|CHECKPOINT_DISABLE=$CHECKPOINT_DISABLE" >> "$FAKE_TF_LOG"
if [ "$1" = "$FAKE_TF_FAIL" ]; then exit 3; fi
exit 0
`;

let conf: TempConf;
let root: string;
let buildDir: string;
let logFile: string;
const realPath = process.env.PATH;

beforeEach(() => {
  conf = tempConf();
  root = mkdtempSync(join(tmpdir(), "streamalert-tf-"));
  const bin = join(root, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "terraform"), FAKE_TERRAFORM);
  chmodSync(join(bin, "terraform"), 0o755);
  buildDir = join(root, "build");
  for (const stack of ["global", "prod", "corp"]) {
    mkdirSync(join(buildDir, "stacks", stack), { recursive: true });
    writeFileSync(join(buildDir, "stacks", stack, "cdk.tf.json"), "{}\n");
  }
  logFile = join(root, "terraform.log");
  process.env.PATH = `${bin}${delimiter}${realPath}`;
  process.env.FAKE_TF_LOG = logFile;
  delete process.env.FAKE_TF_FAIL;
});

afterEach(() => {
  process.env.PATH = realPath;
  delete process.env.FAKE_TF_LOG;
  delete process.env.FAKE_TF_FAIL;
  conf.remove();
  rmSync(root, { recursive: true, force: true });
});

const calls = () => readFileSync(logFile, "utf8").trim().split("\n");
const run = (...args: string[]) => runCli([...args, "-c", conf.conf, "--build-dir", buildDir]);

test("plan --cluster runs init and plan in the global stack, then in that cluster's", async () => {
  const result = await run("plan", "--cluster", "prod");
  expect(result.exitCode).toBe(0);
  expect(calls()).toEqual([
    "global|init -input=false|CHECKPOINT_DISABLE=1",
    "global|plan -input=false|CHECKPOINT_DISABLE=1",
    "prod|init -input=false|CHECKPOINT_DISABLE=1",
    "prod|plan -input=false|CHECKPOINT_DISABLE=1",
  ]);
  expect(result.stdout).toContain("planned: global, prod");
});

test("deploy without --cluster applies global first, then every cluster; --auto-approve is passed on", async () => {
  const result = await run("deploy", "--auto-approve");
  expect(result.exitCode).toBe(0);
  expect(calls().filter((line) => !line.includes("|init "))).toEqual([
    "global|apply -auto-approve|CHECKPOINT_DISABLE=1",
    "corp|apply -auto-approve|CHECKPOINT_DISABLE=1",
    "prod|apply -auto-approve|CHECKPOINT_DISABLE=1",
  ]);
});

test("destroy of one cluster leaves the global stack alone; destroy of all ends with global", async () => {
  expect((await run("destroy", "--cluster", "corp")).exitCode).toBe(0);
  expect(calls()).toEqual([
    "corp|init -input=false|CHECKPOINT_DISABLE=1",
    "corp|destroy|CHECKPOINT_DISABLE=1",
  ]);
  rmSync(logFile);
  expect((await run("destroy", "--auto-approve")).exitCode).toBe(0);
  expect(calls().filter((line) => line.includes("|destroy"))).toEqual([
    "prod|destroy -auto-approve|CHECKPOINT_DISABLE=1",
    "corp|destroy -auto-approve|CHECKPOINT_DISABLE=1",
    "global|destroy -auto-approve|CHECKPOINT_DISABLE=1",
  ]);
});

test("a failing apply stops the deploy and names the stacks left untouched", async () => {
  process.env.FAKE_TF_FAIL = "apply";
  const result = await run("deploy");
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toContain("terraform apply failed in");
  expect(result.stderr).toContain("(exit 3); not run for corp, prod");
  expect(calls().some((line) => line.startsWith("corp|") || line.startsWith("prod|"))).toBe(false);
});

test("a stack that was not built is an error naming the build command, before terraform runs", async () => {
  rmSync(join(buildDir, "stacks", "prod"), { recursive: true });
  const result = await run("plan", "--cluster", "prod");
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toContain(
    "run `streamalert build --cluster prod` (or make build CLUSTER=prod) first",
  );
  expect(() => readFileSync(logFile)).toThrow();
});

test("without terraform on PATH it says how to install it and exits non-zero", async () => {
  process.env.PATH = "";
  const result = await run("deploy", "--cluster", "prod");
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toContain("terraform is not installed: no `terraform` executable on PATH");
  expect(result.stderr).toContain("https://developer.hashicorp.com/terraform/install");
  expect(() => readFileSync(logFile)).toThrow();
});
