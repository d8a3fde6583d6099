// onelogin_events: OneLogin API v1 events. A client-credentials token (POST
// /auth/oauth2/v2/token with `client_id:<id>, client_secret:<secret>`), then /api/1/events from
// `since` up to a fixed `until`, following `pagination.next_link`. The window's end becomes the
// next cursor only when its last page is sent; until then the next link is kept in the context,
// so a successive invocation resumes the same window.
import { AppApiError, AppConfigError } from "../errors";
import { type AppTypeDefinition, authString, isoSeconds, type PollerInput } from "./app-type";

interface OneLoginContext {
  next_link?: string;
  window_end?: string;
}

function regionHost(region: string): string {
  if (!/^[a-z]{2}$/.test(region)) {
    throw new AppConfigError(`OneLogin region ${JSON.stringify(region)} is not "us" or "eu"`);
  }
  return `https://api.${region}.onelogin.com`;
}

function createPoller({ auth, lastTimestamp, context, http, now }: PollerInput) {
  const type = "onelogin_events";
  const base = regionHost(authString(auth, "region", type));
  const clientId = authString(auth, "client_id", type);
  const clientSecret = authString(auth, "client_secret", type);
  const saved = context as OneLoginContext;
  let nextLink = saved.next_link;
  let windowEnd = saved.window_end;
  let token: string | undefined;

  async function accessToken(): Promise<string> {
    if (token) return token;
    const answer = await http.sendJson({
      url: `${base}/auth/oauth2/v2/token`,
      method: "POST",
      headers: { Authorization: `client_id:${clientId}, client_secret:${clientSecret}` },
      json: { grant_type: "client_credentials" },
    });
    if (typeof answer.access_token !== "string") {
      throw new AppApiError("OneLogin token answer has no access_token; check client_id/secret");
    }
    token = answer.access_token;
    return token;
  }

  return {
    async poll() {
      const bearer = await accessToken();
      const headers = { Authorization: `bearer:${bearer}` };
      if (!nextLink) windowEnd = isoSeconds(now());
      const answer = nextLink
        ? await http.sendJson({ url: nextLink, headers })
        : await http.sendJson({
            url: `${base}/api/1/events`,
            query: { since: String(lastTimestamp), until: windowEnd },
            headers,
          });
      const logs = Array.isArray(answer.data) ? answer.data : [];
      const pagination = (answer.pagination ?? {}) as { next_link?: unknown };
      nextLink = typeof pagination.next_link === "string" ? pagination.next_link : undefined;
      if (nextLink) {
        return {
          logs,
          more: true,
          lastTimestamp,
          context: { next_link: nextLink, window_end: windowEnd },
        };
      }
      return { logs, more: false, lastTimestamp: windowEnd ?? lastTimestamp, context: {} };
    },
  };
}

export const ONELOGIN_EVENTS: AppTypeDefinition = {
  type: "onelogin_events",
  description: "OneLogin events (API v1 /api/1/events)",
  authKeys: ["region", "client_id", "client_secret"],
  formatStart: isoSeconds,
  createPoller,
};
