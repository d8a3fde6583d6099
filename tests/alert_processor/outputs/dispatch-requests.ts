// Dispatch requests as the alert processor builds them, and error checks shared by the tests.
import type { DispatchRequest } from "../../../functions/alert_processor/outputs/types";
import { type Alert, toPlainAlert } from "../../../functions/shared/alert";
import { alertOf } from "../../alert_merger/factories";

export function dispatchRequest(
  options: {
    alert?: Partial<Alert>;
    /** merged over the default publication (override keys, ...) */
    publication?: Record<string, unknown>;
    credentials?: Record<string, string>;
    descriptor?: string;
  } = {},
): DispatchRequest {
  const alert = alertOf({
    ruleName: "console_login_without_mfa",
    alertId: "0d9a3c1e-5b7f-4f2a-9c61-1e2d3f4a5b6c",
    ruleDescription: "A console login without MFA",
    logSource: "cloudtrail:events",
    record: { eventName: "ConsoleLogin", userName: "alice", sourceIPAddress: "198.51.100.7" },
    ...options.alert,
  });
  return {
    alert,
    descriptor: options.descriptor ?? "security",
    publication: { ...toPlainAlert(alert), ...options.publication },
    credentials: options.credentials,
  };
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the dispatch to fail, but it succeeded");
}

/** All an error says (message, stack, causes), to check that no secret is in any of it. */
export function allSaidBy(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 6; depth++) {
    parts.push(current.message, current.stack ?? "");
    current = current.cause;
  }
  return parts.join("\n");
}
