import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  ConfigFileError,
  ConfigValidationError,
  formatConfigIssues,
  loadConfig,
  readConfigFiles,
} from "../../../functions/shared/config";
import { validFiles } from "./config-fixtures";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "config-load-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes files under `root`; objects as formatted JSON, strings as they are. */
function writeTree(files: Record<string, unknown>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
}

/** The valid fixture laid out as files: conf files under conf/, schemas under `schemasAt`. */
function writeConfig(schemasAt: string): void {
  const tree: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(validFiles())) {
    tree[
      key.startsWith("schemas/") ? join(schemasAt, key.slice("schemas/".length)) : join("conf", key)
    ] = raw;
  }
  writeTree(tree);
}

function fileErrors(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigFileError) return formatConfigIssues(error.issues).split("\n");
    throw error;
  }
  throw new Error("expected a ConfigFileError");
}

describe("loadConfig", () => {
  it("loads a StreamAlert-style conf/ with its schemas in conf/schemas/", () => {
    writeConfig("conf/schemas");

    const { config, warnings } = loadConfig(join(root, "conf"));

    expect(warnings).toEqual([]);
    expect(config.dir).toBe(join(root, "conf"));
    expect(config.logs["osquery:snapshot"].file).toBe(join(root, "conf/schemas/osquery.json"));
    expect(Object.keys(config.clusters)).toEqual(["prod"]);
  });

  it("loads this project's layout with schemas/ next to conf/", () => {
    writeConfig("schemas");

    const { config } = loadConfig(join(root, "conf"));

    expect(config.logs["cloudtrail:events"].file).toBe(join(root, "schemas/cloudtrail.json"));
  });

  it("prefers conf/schemas/ when both folders exist, and follows an explicit schemasDir", () => {
    writeConfig("conf/schemas");
    writeTree({
      "schemas/other.json": { "other:type": { parser: "kv", schema: { a: "string" } } },
    });

    expect(loadConfig(join(root, "conf")).config.logs["other:type"]).toBeUndefined();
    expect(() => loadConfig(join(root, "conf"), { schemasDir: join(root, "schemas") })).toThrow(
      ConfigValidationError,
    );
  });

  it("names the real file in validation errors", () => {
    writeConfig("schemas");
    writeTree({
      "conf/clusters/prod.json": {
        ...(validFiles()["clusters/prod.json"] as object),
        modules: { kinesis_events: { batch_size: 0 } },
      },
    });

    expect(() => loadConfig(join(root, "conf"))).toThrow(
      `${join(root, "conf/clusters/prod.json")}: modules.kinesis_events.batch_size: expected an integer from 1 to 10000, got 0`,
    );
  });

  it("reports a missing configuration folder", () => {
    expect(fileErrors(() => loadConfig(join(root, "nowhere")))).toEqual([
      `${join(root, "nowhere")}: configuration folder not found`,
    ]);
  });
});

describe("invalid JSON names the file, line and column", () => {
  it.each([
    [
      "a missing value",
      '{\n  "account": {\n    "prefix": \n  }\n}',
      'line 4, column 3: unexpected "}": expected a value',
    ],
    [
      "a trailing comma",
      '{\n  "a": 1,\n  "b": 2,\n}',
      "line 3, column 9: trailing comma before '}'",
    ],
    ["a missing comma", '{\n  "a": 1\n  "b": 2\n}', "line 3, column 3: expected ',' or '}'"],
    [
      "a single-quoted name",
      "{\n  'a': 1\n}",
      "line 2, column 3: expected a double-quoted property name",
    ],
    [
      "a truncated file",
      '{\n  "a": [1, 2',
      "line 2, column 13: unexpected end of file: expected ',' or ']'",
    ],
    [
      "a comment",
      '{\n  // note\n  "a": 1\n}',
      "line 2, column 3: expected a double-quoted property name",
    ],
    [
      "text after the value",
      '{"a": 1}\n}',
      "line 2, column 1: unexpected text after the end of the JSON value",
    ],
    ["an empty file", "", "line 1, column 1: unexpected end of file: expected a value"],
  ])("%s", (_description, text, where) => {
    writeTree({ "conf/global.json": text });

    expect(fileErrors(() => readConfigFiles(join(root, "conf")))).toEqual([
      `${join(root, "conf/global.json")}: invalid JSON at ${where}`,
    ]);
  });

  it("reports every broken file at once", () => {
    writeTree({
      "conf/global.json": "{",
      "conf/clusters/prod.json": "[1,]",
      "schemas/osquery.json": '{"a" 1}',
    });

    expect(fileErrors(() => readConfigFiles(join(root, "conf")))).toEqual([
      `${join(root, "conf/global.json")}: invalid JSON at line 1, column 2: expected a double-quoted property name`,
      `${join(root, "conf/clusters/prod.json")}: invalid JSON at line 1, column 3: trailing comma before ']'`,
      `${join(root, "schemas/osquery.json")}: invalid JSON at line 1, column 6: expected ':' after the property name`,
    ]);
  });
});

describe("readConfigFiles", () => {
  it("returns the raw map parseConfig takes, keyed relative to the conf folder", () => {
    writeConfig("schemas");
    writeTree({
      "conf/README.md": "not json",
      "conf/clusters/notes.txt": "x",
      "schemas/nested/deep.json": {},
    });

    const files = readConfigFiles(join(root, "conf"));

    expect(Object.keys(files).sort()).toEqual(Object.keys(validFiles()).sort());
    expect(files["schemas/osquery.json"]).toEqual(validFiles()["schemas/osquery.json"]);
  });

  it("warns about a key written twice, which JSON keeps only once", () => {
    writeConfig("schemas");
    writeTree({
      "conf/outputs.json":
        '{\n  "slack": ["a"],\n  "aws-sns": {"x": "t", "x": "u"},\n  "slack": ["b"]\n}',
    });

    const { config, warnings } = loadConfig(join(root, "conf"));

    expect(config.outputs.slack).toEqual(["b"]);
    expect(formatConfigIssues(warnings).split("\n")).toEqual([
      `${join(root, "conf/outputs.json")}: aws-sns.x: is written twice in one object (again at line 3, column 25); only the last value is used`,
      `${join(root, "conf/outputs.json")}: slack: is written twice in one object (again at line 4, column 3); only the last value is used`,
    ]);
  });

  it("accepts a byte-order mark at the start of a file", () => {
    writeTree({ "conf/outputs.json": '\uFEFF{"slack": ["security"]}' });

    expect(readConfigFiles(join(root, "conf"))["outputs.json"]).toEqual({ slack: ["security"] });
  });
});
