export {
  ConfigError,
  ConfigFileError,
  type ConfigIssue,
  ConfigValidationError,
  formatConfigIssue,
  formatConfigIssues,
} from "./errors";
export { loadConfig } from "./load-config";
export {
  compareClassifierOrder,
  expandLogTypeReference,
  logFamily,
  logTypesForResource,
} from "./log-types";
export {
  type ParseConfigOptions,
  type ParsedConfig,
  parseConfig,
  type RawConfigFiles,
} from "./parse-config";
export { type ReadConfigOptions, readConfigFiles, resolveSchemasDir } from "./read-config-files";
export type * from "./types";
