// intercom_admin_activity_logs: Intercom /admins/activity_logs with an access token, for the
// window [cursor, now] (epoch seconds, fixed at its first page), following `pages.next`. The
// window's end becomes the next cursor once its last page is sent.
import {
  type AppTypeDefinition,
  authString,
  epochSeconds,
  type PollerInput,
  type PollPage,
} from "./app-type";

interface IntercomContext {
  next_page?: string;
  window_end?: number;
}

function createPoller({ auth, lastTimestamp, context, http, now }: PollerInput) {
  const token = authString(auth, "token", "intercom_admin_activity_logs");
  const cursor = Number(lastTimestamp);
  const saved = context as IntercomContext;
  let nextPage = saved.next_page;
  let windowEnd = saved.window_end;

  return {
    async poll(): Promise<PollPage> {
      if (!nextPage || windowEnd === undefined) windowEnd = epochSeconds(now());
      const headers = { Authorization: `Bearer ${token}` };
      const answer = nextPage
        ? await http.sendJson({ url: nextPage, headers })
        : await http.sendJson({
            url: "https://api.intercom.io/admins/activity_logs",
            query: { created_at_after: cursor, created_at_before: windowEnd },
            headers,
          });
      const entries = (Array.isArray(answer.activity_logs) ? answer.activity_logs : []) as Record<
        string,
        unknown
      >[];
      // created_at_after is inclusive: entries at the cursor were sent last time
      const logs = entries.filter((entry) => Number(entry.created_at) > cursor);
      const pages = (answer.pages ?? {}) as { next?: unknown };
      nextPage = typeof pages.next === "string" && pages.next !== "" ? pages.next : undefined;
      if (nextPage) {
        return {
          logs,
          more: true,
          lastTimestamp: cursor,
          context: { next_page: nextPage, window_end: windowEnd },
        };
      }
      // one second back: whether created_at_before includes its second is not documented
      return { logs, more: false, lastTimestamp: windowEnd - 1, context: {} };
    },
  };
}

export const INTERCOM_ADMIN_ACTIVITY_LOGS: AppTypeDefinition = {
  type: "intercom_admin_activity_logs",
  description: "Intercom admin activity logs (/admins/activity_logs)",
  authKeys: ["token"],
  formatStart: epochSeconds,
  createPoller,
};
