// Jira Server / Data Center: REST API v2 with basic auth (user name and password).
import { OutputConfigError } from "./errors";
import type { HttpClient } from "./http";
import { basicAuthorization, commonJiraSettings, jiraBaseUrl, sendToJira } from "./jira-client";
import type { OutputService } from "./types";

const SERVICE = "jira";

/**
 * `jira`: creates an issue in `project_key` (summary = rule name, description = rule
 * description + the publication); with `aggregate` = "yes", comments on the open issue with the
 * same summary created within `aggregation_days` (default 7) instead. Override keys:
 * `@jira.issue_summary`, `@jira.description`.
 */
export function createJiraOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["username", "password", "url", "project_key", "issue_type"],
    async dispatch(request) {
      const credentials = request.credentials;
      if (!credentials) throw new OutputConfigError(`${SERVICE}: no credentials were loaded`);
      await sendToJira(
        deps.http,
        {
          service: SERVICE,
          baseUrl: jiraBaseUrl(SERVICE, credentials.url),
          authorization: basicAuthorization(credentials.username, credentials.password),
          searchPath: "/rest/api/2/search",
          ...commonJiraSettings(SERVICE, credentials),
        },
        request,
      );
    },
  };
}
