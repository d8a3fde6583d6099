import { normalize } from "node:path";
import { type ParsedConfig, parseConfig } from "./parse-config";
import { type ReadConfigOptions, readConfigFolder, resolveSchemasDir } from "./read-config-files";

/**
 * Reads and validates a conf folder and its schemas. Throws ConfigFileError (unreadable or
 * invalid JSON) or ConfigValidationError, each listing every problem at once.
 */
export function loadConfig(configDir = "conf", options: ReadConfigOptions = {}): ParsedConfig {
  const dir = normalize(configDir);
  const { files, warnings: readWarnings } = readConfigFolder(dir, options);
  const { config, warnings } = parseConfig(files, {
    dir,
    schemasDir: resolveSchemasDir(dir, options),
  });
  return { config, warnings: [...readWarnings, ...warnings] };
}
