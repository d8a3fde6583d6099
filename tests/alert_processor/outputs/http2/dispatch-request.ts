// The part-2 services' fixture: a login alert whose record has nested values and a list, for the
// outputs that flatten records into labels or CEF. Built by the shared dispatchRequest.
import type { DispatchRequest } from "../../../../functions/alert_processor/outputs/types";
import { dispatchRequest as sharedDispatchRequest } from "../dispatch-requests";

export { allSaidBy, rejectionOf } from "../dispatch-requests";

export function dispatchRequest(
  options: Parameters<typeof sharedDispatchRequest>[0] = {},
): DispatchRequest {
  return sharedDispatchRequest({
    ...options,
    alert: {
      ruleName: "suspicious_login",
      ruleDescription: "Login from an unusual country",
      record: { user: "alice", source_ip: "198.51.100.7", tags: ["vpn", "new-device"] },
      ...options.alert,
    },
  });
}
