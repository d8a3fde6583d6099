// Carbon Black Response (EDR): bans a binary's md5 when the rule asks for it in its context.

import { credentialUrl, loadedCredentials } from "./credential-url";
import { OutputConfigError, OutputHttpError } from "./errors";
import type { HttpClient } from "./http";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "carbonblack";
const MD5 = /^[0-9a-fA-F]{32}$/;

/** What the rule context asks: `{"carbonblack": {"action": "ban", "value": "<md5>"}}`. */
export function requestedBan(request: DispatchRequest): string | undefined {
  const settings = request.alert.context.carbonblack;
  if (typeof settings !== "object" || settings === null) return undefined;
  const { action, value } = settings as { action?: unknown; value?: unknown };
  if (action !== "ban") return undefined;
  if (typeof value !== "string" || !MD5.test(value.trim())) {
    throw new OutputConfigError(
      `${SERVICE}: rule ${request.alert.ruleName} asks to ban ${JSON.stringify(value ?? null)}, ` +
        "which is not an md5; set context.carbonblack.value to the 32 hex digits of the binary",
    );
  }
  return value.trim().toUpperCase();
}

/**
 * `carbonblack`: with `context.carbonblack.action` = "ban", adds the md5 in
 * `context.carbonblack.value` to the banned hashes (POST /api/v1/banning/blacklist, enabled,
 * X-Auth-Token); a hash already banned counts as done (409). Any other alert succeeds without
 * a request. No override keys.
 */
export function createCarbonBlackOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url", "token"],
    async dispatch(request) {
      const md5 = requestedBan(request);
      if (md5 === undefined) return;
      const credentials = loadedCredentials(SERVICE, request);
      const url = credentialUrl(SERVICE, credentials, "the server's base URL (https://<host>)");
      try {
        await deps.http.request({
          service: SERVICE,
          url: `${url.replace(/\/+$/, "")}/api/v1/banning/blacklist`,
          headers: { "x-auth-token": credentials.token, accept: "application/json" },
          json: {
            md5hash: md5,
            text: `Banned by StreamAlert rule ${request.alert.ruleName} (alert ${request.alert.alertId})`,
            enabled: true,
          },
        });
      } catch (error) {
        // the server refuses a second ban of the same hash: the ban the rule wants is in place
        if (error instanceof OutputHttpError && error.status === 409) return;
        throw error;
      }
    },
  };
}
