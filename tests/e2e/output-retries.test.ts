// End to end on dynalite with the real HTTP outputs: rules engine core → alerts table → alert
// merger → alert processor (in process) → slack and pagerduty-v2 against local stand-ins. Slack
// fails twice with 500 before it accepts: each output must get the alert exactly once.
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDynamoMergerTable } from "../../functions/alert_merger/dynamo-alert-table";
import { createInProcessInvoker } from "../../functions/alert_merger/invoker";
import { createAlertMerger } from "../../functions/alert_merger/merger";
import { createDynamoProcessorStore } from "../../functions/alert_processor/alert-store";
import { createMapCredentialProvider } from "../../functions/alert_processor/credentials";
import { createHttpClient } from "../../functions/alert_processor/outputs/http";
import { createPagerDutyV2Output } from "../../functions/alert_processor/outputs/pagerduty-v2";
import { createSlackOutput } from "../../functions/alert_processor/outputs/slack";
import type { DispatchRequest, OutputService } from "../../functions/alert_processor/outputs/types";
import { createAlertProcessor } from "../../functions/alert_processor/processor";
import { buildPublisherRegistry } from "../../functions/alert_processor/publishers/registry";
import { createDynamoAlertWriter } from "../../functions/rules_engine/alert-writer";
import { createRulesEngine } from "../../functions/rules_engine/engine";
import type { ClassifiedRecord } from "../../functions/shared/classified-record";
import { buildRuleRegistry } from "../../functions/shared/rules/registry";
import { rule } from "../../functions/shared/rules/types";
import { ALERTS_TABLE_KEYS, createKeyTable } from "../../scripts/cli/run/local-resources";
import {
  type LocalServer,
  type SeenRequest,
  startLocalServer,
} from "../alert_processor/outputs/local-server";
import { type Emulators, startEmulators } from "../helpers/emulators";

const TABLE = "acme_streamalert_alerts";
const WEBHOOK_PATH = "/services/T0E2E0001/B0E2E0002/e2eWebhookSecret0123456789";
const ROUTING_KEY = "e2eR0utingK3y0123456789abcdef01";
const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

const rules = {
  console_login_without_mfa: rule(
    { logs: ["cloudtrail:events"], outputs: ["slack:security", "pagerduty-v2:oncall"] },
    (record) => record.eventName === "ConsoleLogin" && record.mfaUsed === false,
  ),
};

/** The alerts Firehose every alert also goes to: recorded in memory (no emulator exists). */
class FirehoseRecorder implements OutputService {
  readonly service = "aws-firehose";
  readonly credentialKeys: readonly string[] = [];
  readonly delivered: DispatchRequest[] = [];
  async dispatch(request: DispatchRequest): Promise<void> {
    this.delivered.push(request);
  }
}

const accepted = (server: LocalServer, status: (request: SeenRequest, index: number) => number) =>
  server.requests.filter((request, index) => status(request, index) < 300);

let emulators: Emulators;
let documentClient: DynamoDBDocumentClient;
let slack: LocalServer;
let pagerDuty: LocalServer;
const slackStatus = (_request: SeenRequest, index: number) => (index < 2 ? 500 : 200);

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  documentClient = DynamoDBDocumentClient.from(emulators.dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  await createKeyTable(emulators.dynamodb, TABLE, ALERTS_TABLE_KEYS);
  // Slack: 500, 500, then "ok" for everything after
  slack = await startLocalServer((request) => {
    const index = slack.requests.indexOf(request);
    if (request.path !== WEBHOOK_PATH) return { status: 404, text: "no_service" };
    return slackStatus(request, index) === 500
      ? { status: 500, text: "rollup_error" }
      : { status: 200, text: "ok" };
  });
  pagerDuty = await startLocalServer((request) => {
    const event = request.json();
    if (request.path !== "/v2/enqueue" || event.routing_key !== ROUTING_KEY) {
      return { status: 400, json: { status: "invalid event" } };
    }
    return { status: 202, json: { status: "success", dedup_key: event.dedup_key } };
  });
}, 30_000);

afterAll(async () => {
  await slack?.close();
  await pagerDuty?.close();
  await emulators?.stop();
});

function classified(record: Record<string, unknown>): ClassifiedRecord {
  return {
    cluster: "prod",
    log_schema_type: "cloudtrail:events",
    record,
    service: "kinesis",
    resource: "acme_prod_stream",
    data_type: "json",
  };
}

test("slack failing twice with 500: slack and pagerduty-v2 each get the alert exactly once", async () => {
  let clock = new Date("2026-03-01T12:00:00.000Z");
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  const engine = createRulesEngine({
    registry: buildRuleRegistry([{ file: "rules/e2e.ts", exports: rules }]),
    alertWriter: createDynamoAlertWriter({ client: documentClient, table: TABLE }),
    logger: quiet,
    now: () => clock,
  });
  // the processor's real HTTP client, with backoff shrunk to milliseconds
  const http = createHttpClient({ timeoutMs: 2000, baseDelayMs: 1, maxDelayMs: 5 });
  const firehose = new FirehoseRecorder();
  const processor = createAlertProcessor({
    store: createDynamoProcessorStore({ client: documentClient, table: TABLE }),
    outputServices: {
      "aws-firehose": firehose,
      slack: createSlackOutput({ http }),
      "pagerduty-v2": createPagerDutyV2Output({ http }),
    },
    outputsConfig: {
      "aws-firehose": { alerts: "acme_streamalert_alert_delivery" },
      slack: ["security"],
      "pagerduty-v2": ["oncall"],
    },
    prefix: "acme",
    credentials: createMapCredentialProvider({
      "/acme/streamalert/outputs/slack/security": JSON.stringify({
        url: `${slack.url}${WEBHOOK_PATH}`,
      }),
      "/acme/streamalert/outputs/pagerduty-v2/oncall": JSON.stringify({
        routing_key: ROUTING_KEY,
        url: `${pagerDuty.url}/v2/enqueue`,
      }),
    }),
    publishers: buildPublisherRegistry(),
    logger: quiet,
  });
  const merger = createAlertMerger({
    table: createDynamoMergerTable({ client: documentClient, table: TABLE }),
    invoker: createInProcessInvoker((event) => processor.process(event)),
    processorTimeoutSec: 60,
    now: () => clock,
    logger: quiet,
  });
  const tableCount = async () =>
    (await emulators.dynamodb.send(new ScanCommand({ TableName: TABLE }))).Count ?? 0;

  await engine.processMessages([
    {
      messageId: "m1",
      body: JSON.stringify([
        classified({ eventName: "ConsoleLogin", userName: "alice", mfaUsed: false }),
        classified({ eventName: "ConsoleLogin", userName: "bob", mfaUsed: true }),
      ]),
    },
  ]);
  expect(await tableCount()).toBe(1);

  advance(61);
  const first = await merger.run();
  expect(first).toMatchObject({ dispatched: 1, errors: 0 });

  // slack: two 500s retried by the HTTP client, then one accepted post
  expect(slack.requests).toHaveLength(3);
  expect(accepted(slack, slackStatus)).toHaveLength(1);
  const message = slack.requests[2].json<{ text: string; attachments: Array<{ text: string }> }>();
  expect(message.text).toBe("*StreamAlert Rule Triggered: console_login_without_mfa*");
  expect(message.attachments[0].text).toContain("*userName:* alice");
  // pagerduty-v2: one event, deduplicated on the output and alert
  expect(pagerDuty.requests).toHaveLength(1);
  const [alert] = firehose.delivered;
  expect(pagerDuty.requests[0].json().dedup_key).toBe(`oncall:${alert.alert.alertId}`);
  expect(firehose.delivered).toHaveLength(1);
  // everything sent and not a merge candidate: the alert left the table
  expect(await tableCount()).toBe(0);

  // later runs of the merger, and a stray processor invocation, send nothing more
  for (let run = 0; run < 3; run++) {
    advance(61);
    expect(await merger.run()).toMatchObject({ dispatched: 0, errors: 0 });
  }
  const stray = await processor.process({
    RuleName: "console_login_without_mfa",
    AlertID: alert.alert.alertId,
  });
  expect(stray.table).toBe("not-found");
  expect(slack.requests).toHaveLength(3);
  expect(pagerDuty.requests).toHaveLength(1);
  expect(firehose.delivered).toHaveLength(1);
}, 30_000);
