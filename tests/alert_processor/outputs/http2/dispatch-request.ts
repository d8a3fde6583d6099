// Dispatch requests as the processor builds them: the alert, its default publication (plain
// form) with optional override keys, and the parsed SSM credentials.
import type { DispatchRequest } from "../../../../functions/alert_processor/outputs/types";
import { type Alert, toPlainAlert } from "../../../../functions/shared/alert";
import { alertOf } from "../../../alert_merger/factories";

export function dispatchRequest(
  options: {
    alert?: Partial<Alert>;
    /** merged over the default publication (`@service.field` keys, ...) */
    publication?: Record<string, unknown>;
    credentials?: Record<string, string>;
    descriptor?: string;
  } = {},
): DispatchRequest {
  const alert = alertOf({
    ruleName: "suspicious_login",
    ruleDescription: "Login from an unusual country",
    record: { user: "alice", source_ip: "198.51.100.7", tags: ["vpn", "new-device"] },
    ...options.alert,
  });
  return {
    alert,
    descriptor: options.descriptor ?? "security",
    publication: { ...toPlainAlert(alert), ...options.publication },
    credentials: options.credentials,
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the dispatch to fail, but it succeeded");
}

/** Every string an error chain says (message, cause messages), for secret checks. */
export function everythingSaid(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.message, current.stack ?? "");
    current = current.cause;
  }
  return parts.join("\n");
}
