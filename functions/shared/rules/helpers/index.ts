// Helpers rule authors import (SPEC §4.2), re-exported by functions/shared/rules/index.ts.
export {
  dataHasValue,
  dataHasValueFromList,
  dataHasValueFromSubstringList,
  dataHasValueWithSubstring,
} from "./data-has-value";
export { inNetwork, validIp } from "./ip-network";
export { lastHour } from "./last-hour";
export { getFirstKey, getKeys } from "./nested-keys";
export { valuesForNormalizedType } from "./normalized-values";
export { pathMatchesAny } from "./path-matching";
export { isPolicyPublic } from "./resource-policy";
export { safeJsonParse } from "./safe-json-parse";
export { containsAny, endsWithAny, matchesAny, startsWithAny } from "./text-matching";
export { hasIoc, iocValues } from "./threat-intel";
