export { type Alert, EPOCH, isMergeCandidate, REQUIRED_OUTPUTS } from "./alert";
export { deterministicAlertId, recordFingerprint, uuidFromParts } from "./alert-id";
export { AlertFormatError } from "./errors";
export { type AlertItem, alertKey, fromItem, toItem } from "./item";
export {
  alertOutputs,
  alertPublishers,
  isOutputString,
  OUTPUT_PATTERN,
  publisherName,
} from "./outputs";
export { toPlainAlert } from "./plain";
export { remainingOutputs } from "./remaining-outputs";
export { formatAlertTime, parseAlertTime } from "./timestamps";
