// slack_access and slack_integration: team.accessLogs and team.integrationLogs with an admin
// token, `count`/`page` paging (at most 1000 × 100; accessLogs then continues `before` the oldest
// entry). Neither takes a start time, so entries are filtered against the cursor (epoch seconds):
// access entries whose `date_last`, integration entries whose `date`, is after it. The window's
// start becomes the next cursor once its last page is sent; the page is kept in the context.
import { AppApiError } from "../errors";
import {
  type AppTypeDefinition,
  authString,
  epochSeconds,
  type PollerInput,
  type PollPage,
} from "./app-type";

const MAX_COUNT = 1000;
const MAX_PAGE = 100;

interface SlackContext {
  page?: number;
  before?: number;
  window_start?: number;
}

interface SlackPaging {
  count?: number;
  page?: number;
  pages?: number;
}

interface SlackEndpoint {
  type: string;
  method: string;
  /** the list in the answer */
  listKey: string;
  /** seconds since epoch an entry last changed */
  changedAt(entry: Record<string, unknown>): number;
  /** epoch seconds of the oldest entry, to continue `before` it after page 100; none: stop */
  before?(entries: Record<string, unknown>[]): number | undefined;
}

function slackPoller(endpoint: SlackEndpoint) {
  return ({ auth, lastTimestamp, context, http, now }: PollerInput) => {
    const token = authString(auth, "auth_token", endpoint.type);
    const cursor = Number(lastTimestamp);
    const saved = context as SlackContext;
    let page = saved.page ?? 1;
    let before = saved.before;
    const windowStart = saved.window_start ?? epochSeconds(now());
    return {
      async poll(): Promise<PollPage> {
        const form: Record<string, string> = { count: String(MAX_COUNT), page: String(page) };
        if (before !== undefined) form.before = String(before);
        const answer = await http.sendJson({
          url: `https://slack.com/api/${endpoint.method}`,
          method: "POST",
          headers: { Authorization: `Bearer ${token}` },
          form,
        });
        if (answer.ok !== true) {
          throw new AppApiError(
            `slack ${endpoint.method}: ${String(answer.error ?? "answer without ok")}`,
          );
        }
        const entries = (
          Array.isArray(answer[endpoint.listKey]) ? answer[endpoint.listKey] : []
        ) as Record<string, unknown>[];
        const fresh = entries.filter((entry) => endpoint.changedAt(entry) > cursor);
        const paging = (answer.paging ?? {}) as SlackPaging;
        let more = Number(paging.page ?? page) < Number(paging.pages ?? 0);
        // integration logs are newest first: a page reaching back past the cursor is the last
        if (endpoint.before === undefined && fresh.length < entries.length) more = false;
        if (more && page >= MAX_PAGE) {
          before = endpoint.before?.(entries);
          more = before !== undefined;
          page = 1;
        } else {
          page += 1;
        }
        if (!more) return { logs: fresh, more, lastTimestamp: windowStart, context: {} };
        const next: SlackContext = { page, window_start: windowStart };
        if (before !== undefined) next.before = before;
        return { logs: fresh, more, lastTimestamp: cursor, context: { ...next } };
      },
    };
  };
}

const SLACK_AUTH_KEYS = ["auth_token"];

export const SLACK_ACCESS: AppTypeDefinition = {
  type: "slack_access",
  description: "Slack access logs (team.accessLogs): one entry per user, IP and user agent",
  authKeys: SLACK_AUTH_KEYS,
  formatStart: epochSeconds,
  // Tier 2 rate limit: about 20 requests a minute
  sleepSeconds: () => 3,
  createPoller: slackPoller({
    type: "slack_access",
    method: "team.accessLogs",
    listKey: "logins",
    changedAt: (entry) => Number(entry.date_last),
    before: (entries) => {
      const oldest = entries.at(-1);
      return oldest ? Number(oldest.date_first) : undefined;
    },
  }),
};

export const SLACK_INTEGRATION: AppTypeDefinition = {
  type: "slack_integration",
  description: "Slack integration logs (team.integrationLogs): apps and integrations changed",
  authKeys: SLACK_AUTH_KEYS,
  formatStart: epochSeconds,
  sleepSeconds: () => 3,
  createPoller: slackPoller({
    type: "slack_integration",
    method: "team.integrationLogs",
    listKey: "logs",
    changedAt: (entry) => Number(entry.date),
  }),
};
