// What the jira and jira-v2 outputs share: the issue they write, the aggregation search and the
// REST v2 calls. They differ only in how they authenticate and which search endpoint the site
// still serves (Jira Cloud removed GET /rest/api/2/search in 2025; Server/Data Center has no
// /search/jql), so each output builds a JiraSite and calls sendToJira.
import { OverrideKeys, withoutOverrideKeys } from "../publishers/override-keys";
import { credentialUrl } from "./credential-url";
import { OutputConfigError, OutputHttpError } from "./errors";
import type { HttpClient, HttpRequest } from "./http";
import type { DispatchRequest } from "./types";

/** Jira rejects a summary longer than this. */
export const JIRA_SUMMARY_LIMIT = 255;
/** Jira rejects a description or comment longer than 32,767 characters; keep room for the note. */
export const JIRA_TEXT_LIMIT = 32_000;
/** Days an open issue stays the one new alerts of the same rule are added to, unless configured. */
export const DEFAULT_AGGREGATION_DAYS = 7;

/** One Jira site, as the output's credentials describe it. */
export interface JiraSite {
  /** "jira" or "jira-v2", for messages */
  service: string;
  /** the site's base URL without a trailing slash */
  baseUrl: string;
  /** the Authorization header value */
  authorization: string;
  /** "/rest/api/2/search" (Server/Data Center) or "/rest/api/2/search/jql" (Cloud) */
  searchPath: string;
  projectKey: string;
  issueType: string;
  labels: string[];
  /** comment on the open issue with the same summary instead of creating another */
  aggregate: boolean;
  /** only issues created within this many days are aggregated into; 0 = any age */
  aggregationDays: number;
  /** ANDed to the aggregation search (StreamAlert's `aggregation_additional_jql`) */
  additionalJql?: string;
}

/** `Basic base64(user:secret)`: Jira's basic auth for a password or a Cloud API token. */
export function basicAuthorization(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, "utf8").toString("base64")}`;
}

/** The site's base URL; the message names the key, never the value (it may be private). */
export function jiraBaseUrl(service: string, url: string): string {
  return credentialUrl(service, { url }, "the site's base URL (https://<site>)").replace(
    /\/+$/,
    "",
  );
}

/** The settings every Jira flavour reads the same way from its credentials. */
export function commonJiraSettings(
  service: string,
  credentials: Record<string, string>,
): Pick<JiraSite, "projectKey" | "issueType" | "labels" | "aggregate" | "aggregationDays"> & {
  additionalJql?: string;
} {
  const labels = (credentials.labels ?? "")
    .split(",")
    .map((label) => label.trim())
    .filter((label) => label !== "");
  const spaced = labels.find((label) => /\s/.test(label));
  if (spaced !== undefined) {
    throw new OutputConfigError(
      `${service}: label "${spaced}" contains a space, which Jira refuses; ` +
        "store labels as a comma-separated list of words",
    );
  }
  const daysText = credentials.aggregation_days?.trim() ?? "";
  const aggregationDays = daysText === "" ? DEFAULT_AGGREGATION_DAYS : Number(daysText);
  if (!Number.isInteger(aggregationDays) || aggregationDays < 0) {
    throw new OutputConfigError(
      `${service}: aggregation_days "${daysText}" is not a whole number of days (0 = any age)`,
    );
  }
  const additionalJql = credentials.aggregation_additional_jql?.trim();
  return {
    projectKey: credentials.project_key,
    issueType: credentials.issue_type,
    labels,
    aggregate: ["yes", "true"].includes((credentials.aggregate ?? "").trim().toLowerCase()),
    aggregationDays,
    ...(additionalJql ? { additionalJql } : {}),
  };
}

function truncated(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}\n... (truncated: ${text.length} characters in all)`;
}

/** Summary: `@jira.issue_summary` or the rule name. */
export function issueSummary(request: DispatchRequest): string {
  const override = request.publication[OverrideKeys.jira.issue_summary];
  const summary =
    typeof override === "string" && override.trim() ? override : request.alert.ruleName;
  return summary.replace(/\s+/g, " ").trim().slice(0, JIRA_SUMMARY_LIMIT);
}

/**
 * Description (and aggregated comment): `@jira.description`, or the rule description followed by
 * the publication (by default the alert with its record) as a JSON code block in Jira markup.
 */
export function issueDescription(request: DispatchRequest): string {
  const override = request.publication[OverrideKeys.jira.description];
  if (typeof override === "string" && override.trim()) return truncated(override, JIRA_TEXT_LIMIT);
  const data = JSON.stringify(withoutOverrideKeys(request.publication), null, 2);
  const text = `${request.alert.ruleDescription || request.alert.ruleName}\n\n{code:json}\n${data}\n{code}`;
  return truncated(text, JIRA_TEXT_LIMIT);
}

/** A JQL string literal. */
function jqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The words of the summary for a `~` phrase search: characters Jira's text search reserves
 * (and would refuse or misread) become spaces. The exact summary is compared afterwards.
 */
function searchPhrase(summary: string): string {
  return summary
    .replace(/[+\-&|!(){}[\]^~*?\\:"/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The aggregation search: open issues of the project, newest first, matching the summary. */
export function aggregationJql(site: JiraSite, summary: string): string {
  const clauses = [`project = ${jqlString(site.projectKey)}`, "statusCategory != Done"];
  const phrase = searchPhrase(summary);
  if (phrase !== "") clauses.push(`summary ~ ${jqlString(`"${phrase}"`)}`);
  if (site.aggregationDays > 0) clauses.push(`created >= -${site.aggregationDays}d`);
  if (site.additionalJql) clauses.push(`(${site.additionalJql})`);
  return `${clauses.join(" AND ")} ORDER BY created DESC`;
}

interface FoundIssue {
  key: string;
}

function readIssues(body: unknown): Array<{ id?: unknown; key?: unknown; summary?: unknown }> {
  const issues = (body as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: { id?: unknown; key?: unknown; fields?: { summary?: unknown } }) => ({
    id: issue?.id,
    key: issue?.key,
    summary: issue?.fields?.summary,
  }));
}

function call(site: JiraSite, request: Omit<HttpRequest, "service" | "headers">): HttpRequest {
  return {
    ...request,
    service: site.service,
    headers: { authorization: site.authorization, accept: "application/json" },
  };
}

/** The newest open issue whose summary is exactly `summary`, if any. */
async function findOpenIssue(
  http: HttpClient,
  site: JiraSite,
  summary: string,
): Promise<FoundIssue | undefined> {
  const query = new URLSearchParams({
    jql: aggregationJql(site, summary),
    maxResults: "20",
    fields: "summary",
  });
  const response = await http.request(
    call(site, { method: "GET", url: `${site.baseUrl}${site.searchPath}?${query}` }),
  );
  // `~` is a word search, so "x_login" also finds "x_login_2": only the exact summary counts
  const match = readIssues(response.json()).find((issue) => issue.summary === summary);
  if (!match) return undefined;
  const key = typeof match.key === "string" ? match.key : String(match.id ?? "");
  return key ? { key } : undefined;
}

/** POST /rest/api/2/issue/{key}/comment; false when the issue is gone (deleted, moved). */
async function addComment(
  http: HttpClient,
  site: JiraSite,
  issueKey: string,
  body: string,
): Promise<boolean> {
  try {
    await http.request(
      call(site, {
        url: `${site.baseUrl}/rest/api/2/issue/${encodeURIComponent(issueKey)}/comment`,
        json: { body },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof OutputHttpError && error.status === 404) return false;
    throw error;
  }
}

async function createIssue(
  http: HttpClient,
  site: JiraSite,
  summary: string,
  description: string,
): Promise<void> {
  const fields: Record<string, unknown> = {
    project: { key: site.projectKey },
    summary,
    description,
    issuetype: { name: site.issueType },
  };
  if (site.labels.length > 0) fields.labels = site.labels;
  await http.request(call(site, { url: `${site.baseUrl}/rest/api/2/issue`, json: { fields } }));
}

/**
 * Delivers one alert: with aggregation, a comment on the newest open issue of the same summary
 * (created within the window); otherwise, or when there is none, a new issue. A failed search
 * fails the output rather than risk a duplicate issue; the processor tries again later.
 */
export async function sendToJira(
  http: HttpClient,
  site: JiraSite,
  request: DispatchRequest,
): Promise<void> {
  const summary = issueSummary(request);
  const description = issueDescription(request);
  if (site.aggregate) {
    const existing = await findOpenIssue(http, site, summary);
    if (existing && (await addComment(http, site, existing.key, description))) return;
  }
  await createIssue(http, site, summary, description);
}
