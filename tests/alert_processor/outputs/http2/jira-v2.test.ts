import {
  OutputConfigError,
  type OutputHttpError,
} from "../../../../functions/alert_processor/outputs/errors";
import { createJiraV2Output } from "../../../../functions/alert_processor/outputs/jira-v2";
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

const API_TOKEN = "ATATT3xFfGF0-cloud-token";
const BASIC = `Basic ${Buffer.from(`secops@example.com:${API_TOKEN}`).toString("base64")}`;

function credentials(url: string, extra: Record<string, string> = {}) {
  return {
    api_key: API_TOKEN,
    user_name: "secops@example.com",
    url: `${url}/`,
    project_key: "SOC",
    issue_type: "Bug",
    ...extra,
  };
}

/** Jira Cloud: the enhanced search (the old /search answers 410 Gone there), issues, comments. */
function jiraCloud(issues: unknown[] = []) {
  return (request: SeenRequest): Answer => {
    if (request.headers.authorization !== BASIC) return { status: 401, text: "Unauthorized" };
    if (request.method === "GET" && request.path === "/rest/api/2/search") {
      return { status: 410, json: { errorMessages: ["The requested API has been removed."] } };
    }
    if (request.method === "GET" && request.path === "/rest/api/2/search/jql") {
      return { json: { issues, isLast: true } };
    }
    if (request.method === "POST" && request.path === "/rest/api/2/issue") {
      return { status: 201, json: { id: "10100", key: "SOC-100", self: "x" } };
    }
    if (request.method === "POST" && /^\/rest\/api\/2\/issue\/[^/]+\/comment$/.test(request.path)) {
      return { status: 201, json: { id: "900" } };
    }
    return { status: 404, json: { errorMessages: [`no route ${request.method} ${request.path}`] } };
  };
}

describe("jira-v2 output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createJiraV2Output({ http: quickHttpClient() });

  it("creates an issue with the account e-mail and API token, and the configured labels", async () => {
    server = await startLocalServer(jiraCloud());
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url, { labels: "streamalert, sev2,," }) }),
    );
    expect(server.requests).toHaveLength(1);
    const [create] = server.requests;
    expect(`${create.method} ${create.path}`).toBe("POST /rest/api/2/issue");
    expect(create.headers.accept).toBe("application/json");
    const { fields } = create.json() as { fields: Record<string, unknown> };
    expect(fields).toMatchObject({
      project: { key: "SOC" },
      issuetype: { name: "Bug" },
      summary: "suspicious_login",
      labels: ["streamalert", "sev2"],
    });
    expect(fields.description).toContain("Login from an unusual country");
    expect(fields.description).toContain('"user": "alice"');
  });

  it("with aggregate, searches through /search/jql and comments on the matching open issue", async () => {
    server = await startLocalServer(
      jiraCloud([{ id: "10042", key: "SOC-42", fields: { summary: "suspicious_login" } }]),
    );
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(server.url, {
          aggregate: "yes",
          aggregation_additional_jql: "component = Detection",
        }),
      }),
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /rest/api/2/search/jql",
      "POST /rest/api/2/issue/SOC-42/comment",
    ]);
    expect(server.requests[0].query.get("fields")).toBe("summary");
    expect(server.requests[0].query.get("jql")).toContain('project = "SOC"');
    expect(server.requests[0].query.get("jql")).toContain("AND (component = Detection)");
    expect((server.requests[1].json() as { body: string }).body).toContain('"source_ip"');
  });

  it("searches for a summary with JQL-reserved characters without breaking the query", async () => {
    server = await startLocalServer(jiraCloud());
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(server.url, { aggregate: "yes" }),
        publication: { "@jira.issue_summary": 'Login "burst" (10+) from: c:\\temp' },
      }),
    );
    const jql = server.requests[0].query.get("jql") ?? "";
    expect(jql).toContain('summary ~ "\\"Login burst 10 from c temp\\""');
    const { fields } = server.requests[1].json() as { fields: { summary: string } };
    expect(fields.summary).toBe('Login "burst" (10+) from: c:\\temp');
  });

  it("refuses a label with a space before sending anything", async () => {
    server = await startLocalServer(jiraCloud());
    const error = await rejectionOf(
      output().dispatch(
        dispatchRequest({ credentials: credentials(server.url, { labels: "stream alert" }) }),
      ),
    );
    expect(error).toBeInstanceOf(OutputConfigError);
    expect(error.message).toContain('"stream alert"');
    expect(server.requests).toHaveLength(0);
  });

  it("treats 400 as final", async () => {
    server = await startLocalServer(
      inTurn({ status: 400, json: { errors: { labels: "invalid" } } }),
    );
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
    );
    expect((error as OutputHttpError).status).toBe(400);
    expect((error as OutputHttpError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 and then comments once", async () => {
    const cloud = jiraCloud([{ id: "7", key: "SOC-7", fields: { summary: "suspicious_login" } }]);
    let commentTries = 0;
    server = await startLocalServer((request) => {
      if (request.path.endsWith("/comment") && ++commentTries <= 2) return { status: 500 };
      return cloud(request);
    });
    await output().dispatch(
      dispatchRequest({ credentials: credentials(server.url, { aggregate: "yes" }) }),
    );
    const comments = server.requests.filter((r) => r.path === "/rest/api/2/issue/SOC-7/comment");
    expect(comments).toHaveLength(3);
    expect(server.requests.some((r) => r.path === "/rest/api/2/issue")).toBe(false);
  });

  it("never puts the API token or auth header in its errors", async () => {
    server = await startLocalServer(() => ({ status: 403, json: { errorMessages: ["nope"] } }));
    const errors = [
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(server.url) })),
      ),
      await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(await closedPortUrl()) })),
      ),
    ];
    for (const error of errors) {
      const said = allSaidBy(error);
      expect(said).toContain("jira-v2");
      expect(said).not.toContain(API_TOKEN);
      expect(said).not.toContain(BASIC.slice(6));
    }
  });
});
