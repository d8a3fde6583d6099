export { type ComposeOptions, composePublication, publisherNamesFor } from "./compose";
export {
  add_record,
  blank,
  enumerate_fields,
  populate_fields,
  remove_fields,
  remove_internal_fields,
  remove_streamalert_normalization,
  removeFields,
  StringifyArrays,
  stringifyArrays,
} from "./generic";
export {
  isOverrideKey,
  OverrideKeys,
  SLACK_PREVIOUS_PUBLICATION,
  withoutOverrideKeys,
} from "./override-keys";
export {
  AttachImage,
  as_custom_details,
  attachPagerDutyImage,
  type PagerDutyImageOptions,
  PrettyPrintArrays,
  ShortenTitle,
  v2_high_urgency,
  v2_low_urgency,
} from "./pagerduty-layout";
export {
  buildPublisherRegistry,
  type PublisherModule,
  type PublisherRegistry,
  PublisherRegistryError,
} from "./registry";
export { parseRuleDescription, presentRuleDescription } from "./rule-description";
export {
  AttachFullRecord,
  AttachPublication,
  AttachRuleInfo,
  AttachStringTemplate,
  type SlackSummaryOptions,
  Summary,
  slackSummary,
} from "./slack-layout";
export { renderTemplate } from "./string-template";
