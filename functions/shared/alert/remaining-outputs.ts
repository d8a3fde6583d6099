import { type Alert, isMergeCandidate, REQUIRED_OUTPUTS } from "./alert";

/**
 * The outputs an alert still has to be sent to now (StreamAlert's `remaining_outputs`). A merge
 * candidate goes only to the required outputs (the alerts Firehose) until it is merged: the
 * merged alert carries the rest. The first alert of a window under `mergeSendFirst` is the
 * exception: it goes everywhere at once. Outputs already sent are never sent again.
 */
export function remainingOutputs(
  alert: Pick<
    Alert,
    "outputs" | "outputsSent" | "mergeByKeys" | "mergeWindowMins" | "mergeWindowOpener"
  >,
): string[] {
  const sent = new Set(alert.outputsSent);
  const sendNow =
    isMergeCandidate(alert) && !alert.mergeWindowOpener
      ? alert.outputs.filter((output) => REQUIRED_OUTPUTS.includes(output))
      : alert.outputs;
  return sendNow.filter((output) => !sent.has(output));
}
