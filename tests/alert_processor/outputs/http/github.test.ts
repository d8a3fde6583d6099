import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import {
  createGithubOutput,
  GITHUB_API_URL,
} from "../../../../functions/alert_processor/outputs/github";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import {
  failingFirst,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";
import { recordingHttpClient } from "./recording-client";

const TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";

interface Issue {
  title: string;
  body: string;
  labels: string[];
}

/** POST /repos/{owner}/{repo}/issues with basic (user:token) or bearer auth; 201 with the issue. */
function issuesApi(request: SeenRequest) {
  const basic = `Basic ${Buffer.from(`secbot:${TOKEN}`).toString("base64")}`;
  if (![basic, `Bearer ${TOKEN}`].includes(String(request.headers.authorization))) {
    return { status: 401, json: { message: "Bad credentials" } };
  }
  if (!request.headers["user-agent"])
    return { status: 403, json: { message: "User-Agent required" } };
  if (request.method !== "POST" || request.path !== "/repos/acme/security-alerts/issues") {
    return { status: 404, json: { message: "Not Found" } };
  }
  const issue = request.json<Issue>();
  if (typeof issue.title !== "string" || issue.title === "") {
    return { status: 422, json: { message: "Validation Failed" } };
  }
  return { status: 201, json: { number: 7, ...issue } };
}

describe("github output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createGithubOutput({ http: quickHttpClient() });
  const credentials = (more: Record<string, string> = {}) => ({
    username: "secbot",
    repository: "acme/security-alerts",
    labels: "security, streamalert ,",
    access_token: TOKEN,
    api: server?.url ?? "",
    ...more,
  });

  it("creates an issue with the description and the record as a code block, with labels", async () => {
    server = await startLocalServer(issuesApi);
    const request = dispatchRequest({ credentials: credentials() });
    await output().dispatch(request);
    expect(server.requests).toHaveLength(1);
    const [seen] = server.requests;
    expect(seen.headers.accept).toBe("application/vnd.github+json");
    expect(seen.headers["x-github-api-version"]).toBe("2022-11-28");
    expect(seen.json<Issue>()).toEqual({
      title: "StreamAlert: console_login_without_mfa",
      body:
        "### Description\nA console login without MFA\n\n### Event data\n\n```\n" +
        '{\n  "eventName": "ConsoleLogin",\n  "sourceIPAddress": "198.51.100.7",\n  "userName": "alice"\n}\n```',
      labels: ["security", "streamalert"],
    });
  });

  it("uses a bearer token without a username, and honours @github.title and @github.body", async () => {
    server = await startLocalServer(issuesApi);
    await output().dispatch(
      dispatchRequest({
        credentials: credentials({ username: "", labels: "" }),
        publication: { "@github.title": "MFA missing for alice", "@github.body": "**Call alice**" },
      }),
    );
    const [seen] = server.requests;
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.json<Issue>()).toEqual({
      title: "MFA missing for alice",
      body: "**Call alice**",
      labels: [],
    });
  });

  it("cuts a huge record on a line boundary to stay under GitHub's body limit", async () => {
    server = await startLocalServer(issuesApi);
    const record = Object.fromEntries(
      Array.from({ length: 5000 }, (_, index) => [`field${index}`, "v".repeat(20)]),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials(), alert: { record } }));
    const { body } = server.requests[0].json<Issue>();
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\n```\n\n_\d+ more lines of the record were cut/);
    const block = body.slice(body.indexOf("```\n") + 4, body.lastIndexOf("\n```"));
    expect(
      block.split("\n").every((line) => line === "{" || /^ {2}"field\d+": "v{20}",$/.test(line)),
    ).toBe(true);
  });

  it("calls api.github.com by default", async () => {
    const http = recordingHttpClient({ number: 1 });
    await createGithubOutput({ http }).dispatch(
      dispatchRequest({ credentials: { repository: "acme/security-alerts", access_token: TOKEN } }),
    );
    expect(http.sent[0].url).toBe(`${GITHUB_API_URL}/repos/acme/security-alerts/issues`);
    expect(http.sent[0].method ?? "POST").toBe("POST");
  });

  it("retries a 502 and creates one issue; 422 is final", async () => {
    server = await startLocalServer(failingFirst([{ status: 502 }], issuesApi));
    await output().dispatch(dispatchRequest({ credentials: credentials() }));
    expect(server.requests).toHaveLength(2);
    await server.close();
    server = await startLocalServer(() => ({
      status: 422,
      json: { message: "Validation Failed" },
    }));
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials() })),
    );
    expect((error as OutputError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a repository that is not owner/name, naming the fix", async () => {
    const error = await rejectionOf(
      output().dispatch(
        dispatchRequest({ credentials: { repository: "security-alerts", access_token: TOKEN } }),
      ),
    );
    expect(error.message).toContain(
      'credential "repository" is "security-alerts"; store it as owner/name',
    );
  });

  it("keeps the access token out of errors, even when echoed", async () => {
    server = await startLocalServer((request) => ({
      status: 401,
      json: { message: `Bad credentials ${String(request.headers.authorization)}` },
    }));
    for (const more of [{ username: "secbot" }, { username: "" }]) {
      const error = await rejectionOf(
        output().dispatch(dispatchRequest({ credentials: credentials(more) })),
      );
      expect(error.message).toContain("github");
      expect(allSaidBy(error)).not.toContain(TOKEN);
      expect(allSaidBy(error)).not.toContain(Buffer.from(`secbot:${TOKEN}`).toString("base64"));
    }
  });
});
