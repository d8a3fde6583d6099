// salesforce_* against a Salesforce stand-in: the username-password OAuth flow (password +
// security token), the newest API version, an EventLogFile query by CreatedDate and event type,
// and each file's CSV rows sent without the header.
import { csvRows, SALESFORCE_TYPES, soqlDateTime } from "../../../functions/apps/types/salesforce";
import { allLogs, type LocalServer, pollAll, startLocalServer } from "../app-test-kit";

const SALESFORCE_LOGIN = SALESFORCE_TYPES.find(
  (definition) => definition.type === "salesforce_login",
);
if (!SALESFORCE_LOGIN) throw new Error("salesforce_login is not defined");

const AUTH = {
  client_id: "consumer-key",
  client_secret: "1234567890123456789",
  username: "api@acme.example",
  password: "pw",
  security_token: "TOKEN24",
};

const csv = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => `"${cell}"`).join(",")).join("\n");
const HEADER = ["EVENT_TYPE", "TIMESTAMP", "USER_ID"];

describe("salesforce apps", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("logs in, lists the new log files of its event type and sends each file's rows", async () => {
    let instance = "";
    server = await startLocalServer((request) => {
      if (request.path === "/services/oauth2/token") {
        const form = new URLSearchParams(request.body);
        const ok =
          form.get("grant_type") === "password" &&
          form.get("client_id") === "consumer-key" &&
          form.get("client_secret") === "1234567890123456789" &&
          form.get("username") === "api@acme.example" &&
          form.get("password") === "pwTOKEN24";
        return ok
          ? { json: { access_token: "00D!sf", instance_url: instance } }
          : { status: 400, json: { error: "invalid_grant" } };
      }
      if (request.headers.authorization !== "Bearer 00D!sf")
        return { status: 401, json: [{ errorCode: "INVALID_SESSION_ID" }] };
      if (request.path === "/services/data/")
        return { json: [{ version: "58.0" }, { version: "61.0" }, { version: "9.0" }] };
      if (request.path === "/services/data/v61.0/query") {
        const soql = String(request.query.get("q"));
        if (
          !soql.includes("CreatedDate > 2026-11-27T00:00:00Z") ||
          !soql.includes("EventType = 'Login'")
        ) {
          return { status: 400, json: [{ errorCode: "MALFORMED_QUERY", message: soql }] };
        }
        return {
          json: {
            done: true,
            records: [
              {
                LogFile: "/services/data/v61.0/sobjects/EventLogFile/A/LogFile",
                CreatedDate: "2026-11-28T03:00:00.000+0000",
              },
              {
                LogFile: "/services/data/v61.0/sobjects/EventLogFile/B/LogFile",
                CreatedDate: "2026-11-28T04:00:00.000+0000",
              },
            ],
          },
        };
      }
      const file = request.path.split("/").at(-2);
      return {
        text: csv([
          HEADER,
          ["Login", `2026112800000${file === "A" ? 1 : 2}.000`, `005${file}`],
          ["Login", "20261128000003.000", "005X"],
        ]),
      };
    });
    instance = server.url;

    const pages = await pollAll(SALESFORCE_LOGIN, server.url, {
      auth: AUTH,
      lastTimestamp: "2026-11-27T00:00:00Z",
    });

    expect(allLogs(pages)).toEqual([
      '"Login","20261128000001.000","005A"',
      '"Login","20261128000003.000","005X"',
      '"Login","20261128000002.000","005B"',
      '"Login","20261128000003.000","005X"',
    ]);
    expect(pages.map((page) => [page.more, page.lastTimestamp])).toEqual([
      [true, "2026-11-28T03:00:00.000+0000"],
      [false, "2026-11-28T04:00:00.000+0000"],
    ]);
  });

  it("splits CSV rows only outside quotes", () => {
    expect(csvRows('"A","B"\r\n"x","line\nbreak"\n"y","z"\n')).toEqual([
      '"A","B"',
      '"x","line\nbreak"',
      '"y","z"',
    ]);
  });

  it("writes the cursor as a SOQL date-time", () => {
    expect(soqlDateTime("2026-11-28T04:00:00.000+0000")).toBe("2026-11-28T04:00:00Z");
    expect(soqlDateTime("2026-11-28T04:00:00-02:00")).toBe("2026-11-28T06:00:00Z");
    expect(() => soqlDateTime("yesterday")).toThrow(/"yesterday" is not an ISO date-time/);
  });
});
