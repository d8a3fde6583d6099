import {
  OutputConfigError,
  OutputHttpError,
} from "../../../../functions/alert_processor/outputs/errors";
import { createJiraOutput } from "../../../../functions/alert_processor/outputs/jira";
import {
  type Answer,
  closedPortUrl,
  inTurn,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";
import { allSaidBy, dispatchRequest, rejectionOf } from "./dispatch-request";

const PASSWORD = "pa55-w0rd-s3cret";
const BASIC = `Basic ${Buffer.from(`streamalert:${PASSWORD}`).toString("base64")}`;

function credentials(url: string, extra: Record<string, string> = {}) {
  return {
    username: "streamalert",
    password: PASSWORD,
    url,
    project_key: "SEC",
    issue_type: "Task",
    ...extra,
  };
}

/** Jira Server's REST v2, as far as the output uses it; refuses requests without our auth. */
function jiraServer(options: { issues?: unknown[]; comment?: Answer; create?: Answer } = {}) {
  return (request: SeenRequest): Answer => {
    if (request.headers.authorization !== BASIC) return { status: 401, text: "Unauthorized" };
    if (request.method === "GET" && request.path === "/rest/api/2/search") {
      return { json: { startAt: 0, maxResults: 20, total: 1, issues: options.issues ?? [] } };
    }
    if (request.method === "POST" && request.path === "/rest/api/2/issue") {
      return options.create ?? { status: 201, json: { id: "10001", key: "SEC-9", self: "x" } };
    }
    if (request.method === "POST" && /^\/rest\/api\/2\/issue\/[^/]+\/comment$/.test(request.path)) {
      return options.comment ?? { status: 201, json: { id: "500", body: "..." } };
    }
    return { status: 404, json: { errorMessages: [`no route ${request.method} ${request.path}`] } };
  };
}

describe("jira output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createJiraOutput({ http: quickHttpClient() });

  it("creates an issue with basic auth: summary = rule name, description = rule description and record", async () => {
    server = await startLocalServer(jiraServer());
    await output().dispatch(dispatchRequest({ credentials: credentials(server.url) }));

    expect(server.requests).toHaveLength(1);
    const [create] = server.requests;
    expect(create.method).toBe("POST");
    expect(create.path).toBe("/rest/api/2/issue");
    expect(create.headers["content-type"]).toBe("application/json");
    const { fields } = create.json() as { fields: Record<string, unknown> };
    expect(fields.project).toEqual({ key: "SEC" });
    expect(fields.issuetype).toEqual({ name: "Task" });
    expect(fields.summary).toBe("suspicious_login");
    const description = fields.description as string;
    expect(description.startsWith("Login from an unusual country\n\n{code:json}\n")).toBe(true);
    const json = description.slice(
      description.indexOf("\n", description.indexOf("{code:json}")) + 1,
      description.lastIndexOf("{code}"),
    );
    expect((JSON.parse(json) as { record: unknown }).record).toEqual({
      user: "alice",
      source_ip: "198.51.100.7",
      tags: ["vpn", "new-device"],
    });
    expect(fields.labels).toBeUndefined();
  });

  it("with aggregate, comments on the open issue with the same summary instead of creating one", async () => {
    server = await startLocalServer(
      jiraServer({
        issues: [
          { id: "10007", key: "SEC-7", fields: { summary: "suspicious_login_burst" } },
          { id: "10003", key: "SEC-3", fields: { summary: "suspicious_login" } },
        ],
      }),
    );
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url, { aggregate: "yes" }) }),
    );

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /rest/api/2/search",
      "POST /rest/api/2/issue/SEC-3/comment",
    ]);
    const jql = server.requests[0].query.get("jql") ?? "";
    expect(jql).toContain('project = "SEC"');
    expect(jql).toContain("statusCategory != Done");
    expect(jql).toContain('summary ~ "\\"suspicious_login\\""');
    expect(jql).toContain("created >= -7d");
    expect(jql).toMatch(/ORDER BY created DESC$/);
    const comment = server.requests[1].json() as { body: string };
    expect(comment.body).toContain("Login from an unusual country");
    expect(comment.body).toContain('"source_ip": "198.51.100.7"');
  });

  it("with aggregate, creates an issue when no open issue has exactly that summary", async () => {
    server = await startLocalServer(
      jiraServer({
        issues: [{ id: "1", key: "SEC-1", fields: { summary: "suspicious_login_v2" } }],
      }),
    );
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(server.url, { aggregate: "YES", aggregation_days: "0" }),
      }),
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /rest/api/2/search",
      "POST /rest/api/2/issue",
    ]);
    expect(server.requests[0].query.get("jql")).not.toContain("created >=");
  });

  it("creates an issue when the issue to comment on is gone (404)", async () => {
    server = await startLocalServer(
      jiraServer({
        issues: [{ id: "3", key: "SEC-3", fields: { summary: "suspicious_login" } }],
        comment: { status: 404, json: { errorMessages: ["Issue does not exist"] } },
      }),
    );
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url, { aggregate: "yes" }) }),
    );
    expect(server.requests.map((r) => r.path)).toEqual([
      "/rest/api/2/search",
      "/rest/api/2/issue/SEC-3/comment",
      "/rest/api/2/issue",
    ]);
  });

  it("fails without creating a duplicate when the aggregation search keeps failing", async () => {
    server = await startLocalServer((request) =>
      request.method === "GET" ? { status: 503, text: "maintenance" } : { status: 201, json: {} },
    );
    const error = await rejectionOf(
      output().dispatch(
        dispatchRequest({ credentials: credentials(server.url, { aggregate: "yes" }) }),
      ),
    );
    expect((error as OutputHttpError).retryable).toBe(true);
    expect(server.requests.every((r) => r.method === "GET")).toBe(true);
    expect(server.requests).toHaveLength(5);
  });

  it("honours @jira.issue_summary and @jira.description", async () => {
    server = await startLocalServer(jiraServer());
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(server.url),
        publication: { "@jira.issue_summary": "Login alert", "@jira.description": "h1. Look" },
      }),
    );
    const { fields } = server.requests[0].json() as { fields: Record<string, unknown> };
    expect(fields.summary).toBe("Login alert");
    expect(fields.description).toBe("h1. Look");
  });

  it("keeps a huge record under Jira's 32,767 character limit", async () => {
    server = await startLocalServer(jiraServer());
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(server.url),
        alert: { record: { blob: "x".repeat(100_000) } },
      }),
    );
    const { fields } = server.requests[0].json() as { fields: { description: string } };
    expect(fields.description.length).toBeLessThan(32_767);
    expect(fields.description).toContain("truncated");
  });

  it("treats 400 as final: one request, not retryable", async () => {
    server = await startLocalServer(
      inTurn({ status: 400, json: { errors: { issuetype: "Specify a valid issue type" } } }),
    );
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
    );
    expect(error).toBeInstanceOf(OutputHttpError);
    expect((error as OutputHttpError).status).toBe(400);
    expect((error as OutputHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 and creates the issue once", async () => {
    server = await startLocalServer(
      inTurn({ status: 500 }, { status: 500 }, { status: 201, json: { id: "1", key: "SEC-1" } }),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials(server.url) }));
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
  });

  it("never puts the password or auth header in its errors", async () => {
    server = await startLocalServer(() => ({ status: 401, text: "Unauthorized" }));
    const refused = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
    );
    const unreachable = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(await closedPortUrl()) })),
    );
    const badUrl = await rejectionOf(
      output().dispatch(
        dispatchRequest({ credentials: credentials(`jira.example.com/${PASSWORD}`) }),
      ),
    );
    expect(badUrl).toBeInstanceOf(OutputConfigError);
    for (const error of [refused, unreachable, badUrl]) {
      const said = allSaidBy(error);
      expect(said).toContain("jira");
      expect(said).not.toContain(PASSWORD);
      expect(said).not.toContain(BASIC.slice(6));
    }
  });
});
