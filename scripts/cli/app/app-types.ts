// The app types `streamalert app new` accepts: the log type each one's records are classified
// as (its data source entry) and the auth keys it needs, as StreamAlert's apps defined them.
import type { SecretField } from "../shared/secret-input";

export interface AppType {
  type: string;
  /** the log type its records carry, for data_sources.streamalert_app */
  logType: string;
  auth: readonly SecretField[];
}

const matches = (pattern: RegExp, expected: string) => (value: string) =>
  pattern.test(value) ? undefined : `must be ${expected}`;

const DUO_AUTH: SecretField[] = [
  {
    key: "api_hostname",
    description: "the Duo API hostname, api-xxxxxxxx.duosecurity.com",
    visible: true,
    check: matches(
      /^api-[a-f0-9]{8}\.duosecurity\.com$/,
      "a hostname like api-1a2b3c4d.duosecurity.com",
    ),
  },
  {
    key: "integration_key",
    description: "the Duo integration key (20 characters)",
    visible: true,
    check: matches(/^[A-Z0-9]{20}$/, "20 capital letters and digits"),
  },
  {
    key: "secret_key",
    description: "the Duo secret key (40 characters)",
    check: matches(/^[A-Za-z0-9]{40}$/, "40 letters and digits"),
  },
];

const GOOGLE_AUTH: SecretField[] = [
  {
    key: "keyfile",
    description: "path to the Google service account JSON key file",
    visible: true,
    jsonFile: true,
  },
  {
    key: "delegation_email",
    description: "the service account user email to delegate access to",
    visible: true,
    check: matches(/^[A-Za-z0-9-_.+]+@[A-Za-z0-9-.]+\.[A-Za-z]{2,}$/, "an email address"),
  },
];

const SALESFORCE_AUTH: SecretField[] = [
  { key: "client_id", description: "the connected app's consumer key", visible: true },
  { key: "client_secret", description: "the connected app's consumer secret" },
  { key: "username", description: "the API user name", visible: true },
  { key: "password", description: "the API user's password" },
  { key: "security_token", description: "the API user's security token" },
];

const SLACK_AUTH: SecretField[] = [
  { key: "auth_token", description: "the Slack OAuth token with the admin scope" },
];

const GSUITE_APPLICATIONS = [
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
];
const SALESFORCE_TYPES = ["console", "login", "loginas", "report", "reportexport"];

export const APP_TYPES: readonly AppType[] = [
  { type: "duo_auth", logType: "duo:authentication", auth: DUO_AUTH },
  { type: "duo_admin", logType: "duo:administrator", auth: DUO_AUTH },
  {
    type: "onelogin_events",
    logType: "onelogin:events",
    auth: [
      {
        key: "region",
        description: "the OneLogin region, us or eu",
        visible: true,
        check: matches(/^(us|eu)$/, "us or eu"),
      },
      { key: "client_id", description: "the OneLogin API client ID", visible: true },
      { key: "client_secret", description: "the OneLogin API client secret" },
    ],
  },
  ...GSUITE_APPLICATIONS.map((application) => ({
    type: `gsuite_${application}`,
    logType: "gsuite:reports",
    auth: GOOGLE_AUTH,
  })),
  {
    type: "box_admin_events",
    logType: "box:admin_events",
    auth: [
      {
        key: "keyfile",
        description: "path to the Box JWT JSON key file",
        visible: true,
        jsonFile: true,
      },
    ],
  },
  ...SALESFORCE_TYPES.map((type) => ({
    type: `salesforce_${type}`,
    logType: `salesforce:${type}`,
    auth: SALESFORCE_AUTH,
  })),
  { type: "slack_access", logType: "slack:access", auth: SLACK_AUTH },
  { type: "slack_integration", logType: "slack:integration", auth: SLACK_AUTH },
  {
    type: "aliyun_actiontrail",
    logType: "aliyun:actiontrail",
    auth: [
      { key: "access_key_id", description: "the RAM user's access key ID", visible: true },
      { key: "access_key_secret", description: "the RAM user's access key secret" },
      { key: "region_id", description: "the Aliyun region, e.g. cn-hangzhou", visible: true },
    ],
  },
  {
    type: "intercom_admin_activity_logs",
    logType: "intercom:admin_activity_logs",
    auth: [{ key: "token", description: "the Intercom access token" }],
  },
];

export function appType(type: string): AppType | undefined {
  return APP_TYPES.find((app) => app.type === type);
}
