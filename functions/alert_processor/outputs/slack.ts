// Slack: the alert posted to an incoming webhook, split into several posts when it is long.

import { credentialUrl } from "./credential-url";
import type { HttpClient } from "./http";
import { slackMessages } from "./slack-message";
import type { OutputService } from "./types";

const SERVICE = "slack";

/**
 * `slack`: posts `{text, mrkdwn, attachments}` to the incoming webhook in the credential `url`
 * (the URL is the secret). Default message: `*StreamAlert Rule Triggered: <rule>*`, the rule
 * description and the record as mrkdwn, split on line boundaries within Slack's limits into
 * numbered parts and as many posts as needed, posted in order. Override keys: `@slack.text`
 * (the header) and `@slack.attachments` (the attachments, as the Slack layout publishers build).
 */
export function createSlackOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["url"],
    async dispatch(request) {
      const url = credentialUrl(
        SERVICE,
        request.credentials ?? {},
        "the incoming webhook URL",
        request.descriptor,
      );
      const messages = slackMessages(request);
      // in order, one at a time: the parts of a long alert must arrive in reading order
      for (const [index, message] of messages.entries()) {
        try {
          await deps.http.request({ service: SERVICE, url, json: message, secrets: [url] });
        } catch (error) {
          if (index === 0 || !(error instanceof Error)) throw error;
          // say how far it got: the earlier parts are in the channel already
          error.message = `${error.message} (part ${index + 1} of ${messages.length}; earlier parts were posted)`;
          throw error;
        }
      }
    },
  };
}
