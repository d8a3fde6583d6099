// GitHub: one issue per alert in a repository, through the REST API.
import { OverrideKeys } from "../publishers/override-keys";
import { sortedJson } from "../publishers/tree-walk";
import { OutputConfigError } from "./errors";
import type { HttpClient } from "./http";
import { endpointFrom } from "./pagerduty";
import type { DispatchRequest, OutputService } from "./types";

const SERVICE = "github";

export const GITHUB_API_URL = "https://api.github.com";

/** GitHub refuses issue bodies over 65,536 characters and titles over 256. */
const MAX_BODY = 65_536;
const MAX_TITLE = 256;

const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** The record as a code block, cut on a line boundary when the body would be too long. */
function eventData(record: unknown, room: number): string {
  const json = sortedJson(record);
  if (json.length <= room) return `\`\`\`\n${json}\n\`\`\``;
  const cut = json.lastIndexOf("\n", room - 200);
  const kept = json.slice(0, Math.max(0, cut));
  const dropped = json.slice(kept.length).split("\n").length - 1;
  return `\`\`\`\n${kept}\n\`\`\`\n\n_${dropped} more lines of the record were cut: GitHub limits an issue to ${MAX_BODY} characters._`;
}

/**
 * The issue: title `StreamAlert: <rule>`, body = the rule description and the record as a JSON
 * code block (StreamAlert's layout), labels from the `labels` credential (comma-separated).
 * Override keys: `@github.title`, `@github.body` (markdown).
 */
export function githubIssue(request: DispatchRequest, labels: string): Record<string, unknown> {
  const { alert, publication } = request;
  const keys = OverrideKeys.github;
  const title = stringOf(publication[keys.title]) ?? `StreamAlert: ${alert.ruleName}`;
  let body = stringOf(publication[keys.body]);
  if (body === undefined) {
    const head = `### Description\n${alert.ruleDescription}\n\n### Event data\n\n`;
    body = head + eventData(alert.record, MAX_BODY - head.length);
  }
  return {
    title: title.slice(0, MAX_TITLE),
    body: body.slice(0, MAX_BODY),
    labels: labels
      .split(",")
      .map((label) => label.trim())
      .filter((label) => label !== ""),
  };
}

/**
 * `github`: POST /repos/{owner}/{repo}/issues. Credentials: `repository` (owner/name) and
 * `access_token`; with `username`, basic auth (username:token) as StreamAlert did, else the
 * token as a bearer token; optional `labels` and `api` (GitHub Enterprise:
 * https://<host>/api/v3; default https://api.github.com).
 */
export function createGithubOutput(deps: { http: HttpClient }): OutputService {
  return {
    service: SERVICE,
    credentialKeys: ["repository", "access_token"],
    async dispatch(request) {
      const where = `${SERVICE}:${request.descriptor}`;
      const credentials = request.credentials ?? {};
      const token = credentials.access_token?.trim();
      if (!token) throw new OutputConfigError(`${where}: no "access_token" credential`);
      const repository = credentials.repository?.trim().replace(/^\/+|\/+$/g, "") ?? "";
      const parts = repository.split("/");
      if (parts.length !== 2 || parts.some((part) => !/^[A-Za-z0-9_.-]+$/.test(part))) {
        throw new OutputConfigError(
          `${where}: credential "repository" is ${JSON.stringify(repository)}; store it as owner/name ` +
            `with \`streamalert output set github --descriptor ${request.descriptor} --update\``,
        );
      }
      const api = endpointFrom(
        { service: SERVICE, descriptor: request.descriptor, key: "api" },
        credentials.api,
        GITHUB_API_URL,
      );
      const username = credentials.username?.trim();
      const authorization = username
        ? `Basic ${Buffer.from(`${username}:${token}`).toString("base64")}`
        : `Bearer ${token}`;
      await deps.http.request({
        service: SERVICE,
        url: `${api.replace(/\/+$/, "")}/repos/${parts.map(encodeURIComponent).join("/")}/issues`,
        headers: {
          accept: "application/vnd.github+json",
          authorization,
          "user-agent": "StreamAlert",
          "x-github-api-version": "2022-11-28",
        },
        json: githubIssue(request, credentials.labels ?? ""),
        secrets: [token],
      });
    },
  };
}
