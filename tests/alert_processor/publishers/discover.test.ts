import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import {
  discoverPublisherFiles,
  generatePublishersIndexSource,
  PUBLISHERS_INDEX_MARKER,
  publishersIndexPlugin,
} from "../../../functions/alert_processor/publishers/discover";

let project: string;

function write(path: string, text: string) {
  mkdirSync(join(project, path, ".."), { recursive: true });
  writeFileSync(join(project, path), text);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "publishers-index-"));
  write("rules/publishers/slack.ts", "export const compact = () => ({});");
  write("rules/publishers/pagerduty/layout.ts", "export function pager() { return {}; }");
  write("rules/publishers/slack.test.ts", "export const ignored = 1;");
  write("rules/community/cloudtrail/root.ts", "export const notAPublisher = 1;");
  write(
    "functions/alert_processor/handler.ts",
    `import { publisherModules } from "./publishers/user-publishers";
export const found = publisherModules.map((m) => [m.file, Object.keys(m.exports)]);`,
  );
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("publisher discovery", () => {
  it("finds modules under publishers folders only, not tests", () => {
    const files = discoverPublisherFiles(join(project, "rules")).map((file) =>
      file.slice(project.length + 1),
    );
    expect(files).toEqual(["rules/publishers/pagerduty/layout.ts", "rules/publishers/slack.ts"]);
  });

  it("generates a module importing every file statically", () => {
    const source = generatePublishersIndexSource(
      ["rules/publishers/slack.ts"],
      "functions/alert_processor",
    );
    expect(source.startsWith(PUBLISHERS_INDEX_MARKER)).toBe(true);
    expect(source).toContain('import * as module0 from "../../rules/publishers/slack";');
  });

  it("bundles the discovered publishers in place of the stub (esbuild plugin)", async () => {
    const result = await build({
      entryPoints: [join(project, "functions/alert_processor/handler.ts")],
      bundle: true,
      write: false,
      platform: "node",
      format: "cjs",
      logLevel: "silent",
      plugins: [publishersIndexPlugin("rules", project)],
    });
    const sandbox = { module: { exports: {} as { found?: unknown } }, exports: {} };
    runInNewContext(result.outputFiles[0].text, sandbox);
    expect(sandbox.module.exports.found).toEqual([
      ["rules/publishers/pagerduty/layout.ts", ["pager"]],
      ["rules/publishers/slack.ts", ["compact"]],
    ]);
  });
});
