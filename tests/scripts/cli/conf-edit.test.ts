import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigValidationError } from "../../../functions/shared/config";
import { detectIndent, editConf } from "../../../scripts/cli/conf-edit";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "conf-edit-"));
  cpSync("conf", join(dir, "conf"), { recursive: true });
  cpSync("schemas", join(dir, "schemas"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("writes the edited file with its key order and indentation, leaves the others alone", () => {
  const path = join(dir, "conf", "global.json");
  const before = readFileSync(path, "utf8");
  const lambdaBefore = readFileSync(join(dir, "conf", "lambda.json"), "utf8");
  const result = editConf(join(dir, "conf"), {
    "global.json": (g) => {
      (g as { account: { region: string } }).account.region = "eu-west-1";
      return g;
    },
  });
  const after = readFileSync(path, "utf8");
  expect(result.config.global.account.region).toBe("eu-west-1");
  expect(result.written).toEqual([path]);
  expect(Object.keys(JSON.parse(after))).toEqual(Object.keys(JSON.parse(before)));
  expect(after.replace(/"region": "[^"]+"/, "")).toBe(before.replace(/"region": "[^"]+"/, ""));
  expect(readFileSync(join(dir, "conf", "lambda.json"), "utf8")).toBe(lambdaBefore);
});

test("an edit that makes the config invalid writes nothing and names file and path", () => {
  const path = join(dir, "conf", "global.json");
  const before = readFileSync(path, "utf8");
  let error: unknown;
  try {
    editConf(join(dir, "conf"), {
      "global.json": (g) => ({ ...(g as object), account: { prefix: "Bad Prefix!" } }),
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigValidationError);
  expect((error as Error).message).toContain("global.json");
  expect((error as Error).message).toContain("account");
  expect(readFileSync(path, "utf8")).toBe(before);
});

test("a key added to a four-space file is indented like its neighbours; a new file gets two", () => {
  const tables = join(dir, "conf", "lookup_tables.json");
  writeFileSync(tables, `${JSON.stringify({ enabled: false, tables: {} }, null, 4)}\n`);
  editConf(join(dir, "conf"), {
    "lookup_tables.json": (t) => ({ ...(t as object), cache_refresh_minutes: 10 }),
    "clusters/extra.json": () => ({
      ...JSON.parse(readFileSync(join(dir, "conf", "clusters", "prod.json"), "utf8")),
      data_sources: {},
    }),
  });
  expect(readFileSync(tables, "utf8")).toBe(
    '{\n    "enabled": false,\n    "tables": {},\n    "cache_refresh_minutes": 10\n}\n',
  );
  const created = readFileSync(join(dir, "conf", "clusters", "extra.json"), "utf8");
  expect(created.startsWith('{\n  "')).toBe(true);
  expect(detectIndent(created)).toBe("  ");
});
