// The raw `conf/` and schema files a bundle embeds, keyed as `parseConfig` expects ("global.json",
// "clusters/prod.json", "schemas/osquery.json"), in sorted order so bundles are deterministic.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveSchemasDir } from "../../functions/shared/config";

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

export function collectConfigFiles(configDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of jsonFiles(configDir))
    files[name] = readFileSync(join(configDir, name), "utf8");
  const clusters = join(configDir, "clusters");
  for (const name of jsonFiles(clusters)) {
    files[`clusters/${name}`] = readFileSync(join(clusters, name), "utf8");
  }
  const schemas = resolveSchemasDir(configDir);
  for (const name of jsonFiles(schemas)) {
    files[`schemas/${name}`] = readFileSync(join(schemas, name), "utf8");
  }
  return files;
}
