// Komand (Rapid7 InsightConnect): the alert posted to a workflow's API trigger.
import { withoutOverrideKeys } from "../publishers/override-keys";
import { credentialUrl, loadedCredentials } from "./credential-url";
import type { HttpClient } from "./http";
import type { OutputService } from "./types";

const SERVICE = "komand";

/**
 * `komand`: POSTs `{"data": <publication>}` to the trigger URL (`url`, which names the trigger
 * and is kept secret like the key) with the trigger's API key (`komand_auth_token`) in the
 * Authorization header. No override keys: publishers shape the publication itself.
 */
export function createKomandOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url", "komand_auth_token"],
    async dispatch(request) {
      const credentials = loadedCredentials(SERVICE, request);
      const url = credentialUrl(
        SERVICE,
        credentials,
        "the trigger URL (https://<host>/v2/triggers/<id>/events)",
      );
      await deps.http.request({
        service: SERVICE,
        url,
        headers: { authorization: credentials.komand_auth_token, accept: "application/json" },
        json: { data: withoutOverrideKeys(request.publication) },
      });
    },
  };
}
