// salesforce_<event type>: EventLogFile CSVs (Console, Login, LoginAs, Report, ReportExport). The
// OAuth username-password flow (password + security token) gives a token and the instance URL;
// the newest API version is read from /services/data/; a SOQL query lists the log files created
// after the cursor (CreatedDate, not LogDate: a day's file is written the day after), oldest
// first; each poll downloads one file and sends its rows without the header line.
import { AppApiError } from "../errors";
import {
  type AppTypeDefinition,
  authString,
  isoSeconds,
  type PollerInput,
  type PollPage,
} from "./app-type";

const TOKEN_URL = "https://login.salesforce.com/services/oauth2/token";
/** app type suffix → the EventType value */
export const SALESFORCE_EVENT_TYPES: Record<string, string> = {
  console: "Console",
  login: "Login",
  loginas: "LoginAs",
  report: "Report",
  reportexport: "ReportExport",
};

interface LogFile {
  LogFile: string;
  CreatedDate: string;
}

/** CSV text → one string per row; a quoted field may hold line breaks. */
export function csvRows(text: string): string[] {
  const rows: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === "\n" && !quoted) {
      rows.push(text.slice(start, i).replace(/\r$/, ""));
      start = i + 1;
    }
  }
  if (start < text.length) rows.push(text.slice(start).replace(/\r$/, ""));
  return rows.filter((row) => row !== "");
}

/**
 * The cursor as a SOQL date-time literal (`2024-05-01T10:00:00Z`). CreatedDate comes back as
 * `2024-05-01T10:00:00.000+0000`; Salesforce keeps whole seconds, so nothing is cut off.
 */
export function soqlDateTime(value: string): string {
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  if (Number.isNaN(time)) {
    throw new AppApiError(`salesforce cursor ${JSON.stringify(value)} is not an ISO date-time`);
  }
  return isoSeconds(new Date(time));
}

function salesforcePoller(suffix: string) {
  const type = `salesforce_${suffix}`;
  const eventType = SALESFORCE_EVENT_TYPES[suffix];
  return ({ auth, lastTimestamp, http }: PollerInput) => {
    const credentials = {
      client_id: authString(auth, "client_id", type),
      client_secret: authString(auth, "client_secret", type),
      username: authString(auth, "username", type),
      password: authString(auth, "password", type) + authString(auth, "security_token", type),
    };
    let session: { headers: Record<string, string>; instance: string; version: string } | undefined;
    let files: LogFile[] | undefined;
    let cursor = String(lastTimestamp);

    async function login() {
      const answer = await http.sendJson({
        url: TOKEN_URL,
        method: "POST",
        form: { grant_type: "password", ...credentials },
      });
      if (typeof answer.access_token !== "string" || typeof answer.instance_url !== "string") {
        throw new AppApiError("salesforce token answer lacks access_token or instance_url");
      }
      const headers = { Authorization: `Bearer ${answer.access_token}` };
      const versions = await http.send({ url: `${answer.instance_url}/services/data/`, headers });
      const list = versions.json();
      const newest = (Array.isArray(list) ? list : [])
        .map((entry) => Number((entry as { version?: unknown }).version))
        .filter(Number.isFinite)
        .sort((a, b) => a - b)
        .at(-1);
      if (newest === undefined) throw new AppApiError("salesforce lists no API version");
      return { headers, instance: answer.instance_url, version: newest.toFixed(1) };
    }

    async function listFiles(current: NonNullable<typeof session>): Promise<LogFile[]> {
      const soql = `SELECT Id, EventType, LogFile, LogDate, CreatedDate FROM EventLogFile WHERE CreatedDate > ${soqlDateTime(cursor)} AND EventType = '${eventType}' ORDER BY CreatedDate ASC`;
      const found: LogFile[] = [];
      let next: string | undefined = `/services/data/v${current.version}/query`;
      let query: Record<string, string> | undefined = { q: soql };
      while (next) {
        const answer = await http.sendJson({
          url: `${current.instance}${next}`,
          query,
          headers: current.headers,
        });
        for (const record of (answer.records ?? []) as Record<string, unknown>[]) {
          if (typeof record.LogFile === "string" && typeof record.CreatedDate === "string") {
            found.push({ LogFile: record.LogFile, CreatedDate: record.CreatedDate });
          }
        }
        next =
          answer.done === false && typeof answer.nextRecordsUrl === "string"
            ? answer.nextRecordsUrl
            : undefined;
        query = undefined;
      }
      return found;
    }

    return {
      async poll(): Promise<PollPage> {
        session ??= await login();
        files ??= await listFiles(session);
        const file = files.shift();
        if (!file) return { logs: [], more: false, lastTimestamp: cursor, context: {} };
        const answer = await http.send({
          url: `${session.instance}${file.LogFile}`,
          headers: { ...session.headers, accept: "text/csv" },
        });
        // the header row names the columns; the schema lists them in the same order
        const logs = csvRows(answer.text).slice(1);
        // files created in the same instant are all sent before the cursor passes it
        if (files[0]?.CreatedDate !== file.CreatedDate) cursor = file.CreatedDate;
        return { logs, more: files.length > 0, lastTimestamp: cursor, context: {} };
      },
    };
  };
}

export const SALESFORCE_TYPES: AppTypeDefinition[] = Object.entries(SALESFORCE_EVENT_TYPES).map(
  ([suffix, eventType]) => ({
    type: `salesforce_${suffix}`,
    description: `Salesforce ${eventType} event log files (EventLogFile)`,
    authKeys: ["client_id", "client_secret", "username", "password", "security_token"],
    formatStart: isoSeconds,
    createPoller: salesforcePoller(suffix),
  }),
);
