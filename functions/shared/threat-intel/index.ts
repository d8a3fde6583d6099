export {
  compileExclusions,
  type ExcludedIocsConfig,
  type IocExclusions,
  ThreatIntelConfigError,
} from "./exclusions";
export {
  createDynamoIocLookup,
  createStaticIocLookup,
  type DynamoIocLookupOptions,
  type IocItem,
  type IocLookup,
  MAX_KEYS_PER_BATCH,
} from "./ioc-lookup";
export { createThreatIntel, normalizedValues, type ThreatIntel } from "./threat-intel";
