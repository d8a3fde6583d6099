import type { DispatchRequest } from "../../../../functions/alert_processor/outputs/types";
import { type Alert, toPlainAlert } from "../../../../functions/shared/alert";
import { alertOf } from "../../../alert_merger/factories";

/** A dispatch as the processor makes it: the default publication is the alert's plain form. */
export function dispatchOf(
  overrides: Partial<DispatchRequest> & { alert?: Alert; extra?: Record<string, unknown> } = {},
): DispatchRequest {
  const { extra, ...rest } = overrides;
  const alert = rest.alert ?? alertOf({ alertId: "3f1c6e0a-alert" });
  return {
    alert,
    descriptor: "security",
    publication: { ...toPlainAlert(alert), ...extra },
    ...rest,
  };
}

/** The text an SDK request carried (Uint8Array/Buffer bodies and payloads). */
export function textOf(data: unknown): string {
  if (typeof data === "string") return data;
  if (data instanceof Uint8Array) return Buffer.from(data).toString("utf8");
  throw new Error(`not bytes: ${typeof data}`);
}
