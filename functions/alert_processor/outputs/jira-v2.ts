// Jira Cloud: REST API v2 with an account's e-mail and API token (basic auth), the only
// password-less basic auth Cloud accepts; its search is the enhanced /search/jql endpoint.
import { OutputConfigError } from "./errors";
import type { HttpClient } from "./http";
import { basicAuthorization, commonJiraSettings, jiraBaseUrl, sendToJira } from "./jira-client";
import type { OutputService } from "./types";

const SERVICE = "jira-v2";

/**
 * `jira-v2`: the `jira` output for Jira Cloud API tokens (`user_name` = the account e-mail,
 * `api_key` = its API token); `labels` (comma-separated) are set on new issues. Reads the same
 * `@jira.issue_summary` and `@jira.description` override keys as `jira`.
 */
export function createJiraV2Output(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["api_key", "user_name", "url", "project_key", "issue_type"],
    async dispatch(request) {
      const credentials = request.credentials;
      if (!credentials) throw new OutputConfigError(`${SERVICE}: no credentials were loaded`);
      await sendToJira(
        deps.http,
        {
          service: SERVICE,
          baseUrl: jiraBaseUrl(SERVICE, credentials.url),
          authorization: basicAuthorization(credentials.user_name, credentials.api_key),
          searchPath: "/rest/api/2/search/jql",
          ...commonJiraSettings(SERVICE, credentials),
        },
        request,
      );
    },
  };
}
