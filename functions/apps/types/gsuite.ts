// gsuite_<application>: Google Workspace Admin SDK Reports, activities.list for one application
// (admin, login, drive, token, ...), newest first, paged by nextPageToken. The newest activity of a
// window becomes the next cursor once the window's last page is sent; the ids at that instant are
// kept so the next window (whose startTime includes it) does not send them twice. A page token
// and the window's newest time are kept in the context, so a successive invocation resumes.
import {
  type AppTypeDefinition,
  authObject,
  authString,
  type PollerInput,
  type PollPage,
} from "./app-type";
import { googleAccessToken, readServiceAccount } from "./google-token";

const REPORTS_SCOPE = "https://www.googleapis.com/auth/admin.reports.audit.readonly";
/** keeps the state parameter under SSM's 4 KB: two lists of ~20-character ids */
const MAX_EVENT_IDS = 50;

export const GSUITE_APPLICATIONS = [
  "access_transparency",
  "admin",
  "calendar",
  "drive",
  "gcp",
  "gplus",
  "groups",
  "groups_enterprise",
  "login",
  "meet",
  "mobile",
  "rules",
  "saml",
  "token",
  "user_accounts",
] as const;

interface GsuiteContext {
  /** ids of the activities at the cursor instant, already sent */
  last_event_ids?: string[];
  page_token?: string;
  window_newest?: string;
  window_newest_ids?: string[];
}

interface ActivityId {
  time?: string;
  uniqueQualifier?: string;
}

const idOf = (activity: Record<string, unknown>) => (activity.id ?? {}) as ActivityId;

function gsuitePoller(application: string) {
  const type = `gsuite_${application}`;
  return ({ auth, lastTimestamp, context, http, now }: PollerInput) => {
    const account = readServiceAccount(authObject(auth, "keyfile", type));
    const subject = authString(auth, "delegation_email", type);
    const saved = context as GsuiteContext;
    const sentAtCursor = new Set(saved.last_event_ids ?? []);
    let pageToken = saved.page_token;
    let newest = saved.window_newest;
    let newestIds = saved.window_newest_ids ?? [];
    let token: string | undefined;

    return {
      async poll(): Promise<PollPage> {
        token ??= await googleAccessToken(http, account, subject, REPORTS_SCOPE, now());
        const answer = await http.sendJson({
          url: `https://admin.googleapis.com/admin/reports/v1/activity/users/all/applications/${application}`,
          query: { startTime: String(lastTimestamp), maxResults: 1000, pageToken },
          headers: { Authorization: `Bearer ${token}` },
        });
        const items = (Array.isArray(answer.items) ? answer.items : []) as Record<
          string,
          unknown
        >[];
        const logs = items.filter((item) => !sentAtCursor.has(String(idOf(item).uniqueQualifier)));
        for (const item of logs) {
          const { time, uniqueQualifier } = idOf(item);
          if (!time) continue;
          if (!newest || time > newest) {
            newest = time;
            newestIds = [];
          }
          if (time === newest && newestIds.length < MAX_EVENT_IDS) {
            newestIds.push(String(uniqueQualifier));
          }
        }
        pageToken = typeof answer.nextPageToken === "string" ? answer.nextPageToken : undefined;
        if (pageToken) {
          const resume: GsuiteContext = {
            last_event_ids: [...sentAtCursor],
            page_token: pageToken,
            window_newest_ids: newestIds,
          };
          if (newest) resume.window_newest = newest;
          return { logs, more: true, lastTimestamp, context: { ...resume } };
        }
        if (!newest) {
          const kept = sentAtCursor.size > 0 ? { last_event_ids: [...sentAtCursor] } : {};
          return { logs, more: false, lastTimestamp, context: kept };
        }
        const done: GsuiteContext = {
          // the same instant as before: ids from both windows stay excluded
          last_event_ids:
            newest === String(lastTimestamp) ? [...sentAtCursor, ...newestIds] : newestIds,
        };
        return { logs, more: false, lastTimestamp: newest, context: { ...done } };
      },
    };
  };
}

export const GSUITE_TYPES: AppTypeDefinition[] = GSUITE_APPLICATIONS.map((application) => ({
  type: `gsuite_${application}`,
  description: `Google Workspace ${application} activity reports (Admin SDK Reports API)`,
  authKeys: ["keyfile", "delegation_email"],
  // RFC 3339 with milliseconds, as the Reports API writes id.time
  formatStart: (date: Date) => date.toISOString(),
  createPoller: gsuitePoller(application),
}));
