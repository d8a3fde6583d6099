import { type Alert, alertKey, formatAlertTime, toItem } from "../shared/alert";
import type { MergerAlertTable } from "./alert-table";
import type { AlertProcessorInvoker } from "./invoker";

/** Async Lambda payloads are capped at 128 KB; this leaves room for the rest of the request. */
export const MAX_INLINE_PAYLOAD_BYTES = 126_000;

/** The item as JSON, sets as lists (the processor reads both). */
export function itemJson(alert: Alert): string {
  return JSON.stringify(toItem(alert), (_key, value: unknown) =>
    value instanceof Set ? [...value] : value,
  );
}

/** The whole item when it fits, else only its key (the processor then reads the table). */
export function processorPayload(alert: Alert): string {
  const full = itemJson(alert);
  if (Buffer.byteLength(full, "utf8") <= MAX_INLINE_PAYLOAD_BYTES) return full;
  return JSON.stringify(alertKey(alert));
}

export type DispatchOutcome = "dispatched" | "skipped";

/**
 * Marks the alert as dispatched (attempts + 1, Dispatched = now) and then invokes the processor.
 * The mark is conditional on Dispatched being what this run read, so two overlapping merger runs
 * cannot both send it; marking first means a failed invoke is retried after the processor
 * timeout instead of being sent twice.
 */
export async function dispatchAlert(
  alert: Alert,
  previousDispatched: string | undefined,
  deps: { table: MergerAlertTable; invoker: AlertProcessorInvoker; now: Date },
): Promise<DispatchOutcome> {
  const dispatched: Alert = { ...alert, attempts: alert.attempts + 1, dispatched: deps.now };
  const marked = await deps.table.markDispatched(alertKey(alert), {
    attempts: dispatched.attempts,
    dispatched: formatAlertTime(deps.now),
    previousDispatched,
    opener: alert.mergeWindowOpener === true,
  });
  if (!marked) return "skipped";
  await deps.invoker.invoke(processorPayload(dispatched));
  return "dispatched";
}
