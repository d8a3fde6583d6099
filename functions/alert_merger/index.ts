export type { AlertKey, DispatchMark, MergerAlertTable } from "./alert-table";
export { itemJson, MAX_INLINE_PAYLOAD_BYTES, processorPayload } from "./dispatch";
export { createDynamoMergerTable } from "./dynamo-alert-table";
export { type AlertProcessorInvoker, createInProcessInvoker, createLambdaInvoker } from "./invoker";
export { canMerge, groupMergeCandidates, MAX_ALERTS_PER_GROUP } from "./merge-groups";
export { mergeAlerts } from "./merged-alert";
export { mergedRecord } from "./merged-record";
export { type AlertMerger, createAlertMerger, type MergerRunSummary } from "./merger";
