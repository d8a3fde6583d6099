import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBuild } from "../../../scripts/packaging";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "streamalert-build-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("runBuild", () => {
  it("stops on a configuration error before writing anything", async () => {
    const confDir = join(tempDir(), "conf");
    cpSync("conf", confDir, { recursive: true });
    writeFileSync(join(confDir, "global.json"), '{"account": ');
    const outdir = join(tempDir(), "build");
    await expect(
      runBuild({ projectDir: process.cwd(), configDir: confDir, outdir, skipBundles: true }),
    ).rejects.toThrow(/global\.json/);
    expect(existsSync(outdir)).toBe(false);
  });

  it("synthesizes the global stack and the one cluster asked for, with resource counts", async () => {
    const outdir = join(tempDir(), "build");
    const lines = await runBuild({
      projectDir: process.cwd(),
      configDir: "conf",
      outdir,
      clusters: ["prod"],
      skipBundles: true,
    });
    const stacks = lines.filter((line) => line.startsWith("stack"));
    expect(stacks).toEqual([
      expect.stringMatching(/^stack +stacks\/global\/cdk\.tf\.json +\d+ resources$/),
      expect.stringMatching(/^stack +stacks\/prod\/cdk\.tf\.json +\d+ resources$/),
    ]);
    expect(existsSync(join(outdir, "stacks/corp"))).toBe(false);
  });

  it("stops on a rule whose output conf/outputs.json lacks, naming the rule file", async () => {
    const root = tempDir();
    const confDir = join(root, "conf");
    cpSync("conf", confDir, { recursive: true });
    cpSync("schemas", join(root, "schemas"), { recursive: true });
    const outputs = JSON.parse(readFileSync(join(confDir, "outputs.json"), "utf8"));
    delete outputs.slack;
    writeFileSync(join(confDir, "outputs.json"), JSON.stringify(outputs));
    const outdir = join(tempDir(), "build");
    const build = runBuild({ projectDir: process.cwd(), configDir: confDir, outdir });
    await expect(build).rejects.toThrow(/rules\/.*\.ts: \w+: .*slack:security-alerts/);
    expect(existsSync(outdir)).toBe(false);
  }, 30_000);

  it("rejects an unknown cluster before writing", async () => {
    const outdir = join(tempDir(), "build");
    await expect(
      runBuild({ projectDir: process.cwd(), configDir: "conf", outdir, clusters: ["nope"] }),
    ).rejects.toThrow(/unknown cluster "nope"/);
    expect(existsSync(outdir)).toBe(false);
  });
});
