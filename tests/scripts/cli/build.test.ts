import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type TempConf, tempConf } from "./run-cli";

let conf: TempConf;
let outdir: string;
beforeEach(() => {
  conf = tempConf();
  outdir = mkdtempSync(join(tmpdir(), "streamalert-build-"));
});
afterEach(() => {
  conf.remove();
  rmSync(outdir, { recursive: true, force: true });
});

test("build --cluster writes the global stack and that cluster's stack, and says what it wrote", async () => {
  const run = await runCli([
    "build",
    "--cluster",
    "prod",
    "--skip-bundles",
    "-c",
    conf.conf,
    "--outdir",
    outdir,
  ]);
  expect(run.exitCode).toBe(0);
  for (const stack of ["global", "prod"]) {
    const file = join(outdir, "stacks", stack, "cdk.tf.json");
    const synthesized = JSON.parse(readFileSync(file, "utf8")) as { resource: object };
    expect(Object.keys(synthesized.resource).length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(
      new RegExp(`stack {3}stacks/${stack}/cdk\\.tf\\.json {2}\\d+ resources`),
    );
  }
  expect(existsSync(join(outdir, "stacks", "corp"))).toBe(false);
  const prod = readFileSync(join(outdir, "stacks", "prod", "cdk.tf.json"), "utf8");
  expect(prod).toContain('"function_name": "acme_prod_streamalert_classifier"');
}, 30000);

test("a configuration error stops the build before anything is written", async () => {
  const global = JSON.parse(conf.read("global.json")) as { account: { region: string } };
  global.account.region = "mars-1";
  writeFileSync(join(conf.conf, "global.json"), JSON.stringify(global));
  const run = await runCli(["generate", "--skip-bundles", "-c", conf.conf, "--outdir", outdir]);
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain("global.json");
  expect(run.stderr).toContain("mars-1");
  expect(existsSync(join(outdir, "stacks"))).toBe(false);
});
