// The one import rule authors use: `import { rule, matcher, inNetwork } from ".../shared/rules"`.

export type { LogRecord } from "../classified-record";
export * from "./helpers";
export { lookupTables } from "./lookup-tables";
export type {
  DynamicOutput,
  Matcher,
  MatcherFunction,
  PublishedAlert,
  PublisherFunction,
  PublisherSpec,
  Rule,
  RuleFunction,
  RuleOptions,
  Severity,
} from "./types";
export { matcher, rule } from "./types";
