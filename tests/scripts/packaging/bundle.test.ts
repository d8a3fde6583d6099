import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuiltArtifact, buildFunctionZips } from "../../../scripts/packaging/bundle";
import { collectConfigFiles } from "../../../scripts/packaging/config-files";
import { readZipEntries } from "../../../scripts/packaging/zip";

const projectDir = process.cwd();
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "streamalert-bundle-"));
  dirs.push(dir);
  return dir;
};
let first: { built: BuiltArtifact[]; skipped: string[] };
let firstDir: string;

beforeAll(async () => {
  firstDir = tempDir();
  first = await buildFunctionZips(projectDir, firstDir, collectConfigFiles("conf"));
}, 60_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** index.js out of a function zip. */
function indexJs(zip: Buffer): string {
  return readZipEntries(zip)["index.js"].toString("utf8");
}

describe("buildFunctionZips", () => {
  it("bundles every function that has a handler, each zip under 1 MB", () => {
    const keys = first.built.map((artifact) => artifact.key);
    expect(keys).toEqual(
      expect.arrayContaining(["classifier", "rules_engine", "alert_merger", "alert_processor"]),
    );
    for (const artifact of first.built) {
      expect(artifact.bytes).toBeLessThan(1024 * 1024);
      expect(artifact.file).toMatch(new RegExp(`^${artifact.key}-[0-9a-f]{16}\\.zip$`));
    }
  });

  it("writes no path of this machine into any file of any zip", () => {
    for (const artifact of first.built) {
      const entries = readZipEntries(readFileSync(join(firstDir, artifact.file)));
      expect(Object.keys(entries)).toContain("index.js");
      for (const content of Object.values(entries)) {
        expect(content.toString("utf8")).not.toContain(projectDir);
      }
    }
    const processor = first.built.find((artifact) => artifact.key === "alert_processor");
    const files = readZipEntries(readFileSync(join(firstDir, String(processor?.file))));
    expect(Object.keys(files).sort()).toEqual(["aws-outputs.js", "index.js"]);
  });

  it("produces byte-identical zips on a second build", async () => {
    const second = await buildFunctionZips(projectDir, tempDir(), collectConfigFiles("conf"));
    expect(second.built).toEqual(first.built);
  }, 60_000);

  it("embeds the configuration and exports a handler that loads outside the project", () => {
    const classifier = first.built.find((artifact) => artifact.key === "classifier");
    const code = indexJs(readFileSync(join(firstDir, String(classifier?.file))));
    expect(code).toContain("clusters/prod.json");
    expect(code).not.toContain(projectDir);
    const file = join(tempDir(), "index.js");
    writeFileSync(file, code);
    const loaded = require(file) as { handler?: unknown };
    expect(typeof loaded.handler).toBe("function");
  });
});
