// End to end on dynalite: rules engine core → alerts table → alert merger → alert processor
// (in process, behind the merger's invoke interface) → fake output services.
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDynamoMergerTable } from "../../functions/alert_merger/dynamo-alert-table";
import { createInProcessInvoker } from "../../functions/alert_merger/invoker";
import { createAlertMerger } from "../../functions/alert_merger/merger";
import { createDynamoProcessorStore } from "../../functions/alert_processor/alert-store";
import { createMapCredentialProvider } from "../../functions/alert_processor/credentials";
import type { DispatchRequest, OutputService } from "../../functions/alert_processor/outputs/types";
import { createAlertProcessor } from "../../functions/alert_processor/processor";
import { buildPublisherRegistry } from "../../functions/alert_processor/publishers/registry";
import { createDynamoAlertWriter } from "../../functions/rules_engine/alert-writer";
import { createRulesEngine } from "../../functions/rules_engine/engine";
import type { ClassifiedRecord, LogRecord } from "../../functions/shared/classified-record";
import { buildRuleRegistry } from "../../functions/shared/rules/registry";
import { rule } from "../../functions/shared/rules/types";
import { ALERTS_TABLE_KEYS, createKeyTable } from "../../scripts/cli/run/local-resources";
import { type Emulators, startEmulators } from "../helpers/emulators";

const TABLE = "acme_streamalert_alerts";
const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

const rules = {
  console_login_without_mfa: rule(
    {
      logs: ["cloudtrail:events"],
      outputs: ["slack:security", "pagerduty-v2:oncall", "teams:soc"],
    },
    (record) => record.eventName === "ConsoleLogin",
  ),
  port_scan: rule(
    {
      logs: ["cloudtrail:events"],
      outputs: ["slack:security"],
      mergeByKeys: ["sourceIPAddress"],
      mergeWindowMins: 5,
    },
    (record) => record.eventName === "PortScan",
  ),
  brute_force: rule(
    {
      logs: ["cloudtrail:events"],
      outputs: ["slack:security"],
      mergeByKeys: ["userName"],
      mergeWindowMins: 10,
      mergeSendFirst: true,
    },
    (record) => record.eventName === "FailedLogin",
  ),
  huge_policy_change: rule(
    { logs: ["cloudtrail:events"], outputs: ["pagerduty-v2:oncall"] },
    (record) => record.eventName === "PutPolicy",
  ),
};

/** Records successful deliveries; `failFirst` failures per alert before succeeding. */
class RecordingOutput implements OutputService {
  readonly delivered: DispatchRequest[] = [];
  private readonly attempts = new Map<string, number>();

  constructor(
    readonly service: string,
    readonly credentialKeys: readonly string[] = [],
    private readonly failFirst = 0,
  ) {}

  async dispatch(request: DispatchRequest): Promise<void> {
    const tries = (this.attempts.get(request.alert.alertId) ?? 0) + 1;
    this.attempts.set(request.alert.alertId, tries);
    if (tries <= this.failFirst) throw new Error(`${this.service} answered 500`);
    this.delivered.push(request);
  }

  deliveriesOf(ruleName: string): DispatchRequest[] {
    return this.delivered.filter((request) => request.alert.ruleName === ruleName);
  }
}

function classified(record: LogRecord): ClassifiedRecord {
  return {
    cluster: "prod",
    log_schema_type: "cloudtrail:events",
    record,
    service: "kinesis",
    resource: "acme_prod_stream",
    data_type: "json",
  };
}

let emulators: Emulators;
let documentClient: DynamoDBDocumentClient;

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  documentClient = DynamoDBDocumentClient.from(emulators.dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  await createKeyTable(emulators.dynamodb, TABLE, ALERTS_TABLE_KEYS);
}, 30_000);

afterAll(async () => {
  await emulators?.stop();
});

/** The pipeline on dynalite with a controllable clock; outputs are recording fakes. */
function createPipeline() {
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

  const firehose = new RecordingOutput("aws-firehose");
  const slack = new RecordingOutput("slack", ["url"], 2);
  const pagerduty = new RecordingOutput("pagerduty-v2", ["routing_key"]);
  // fails once: its success lands in a run where slack still fails, so OutputsSent must be a
  // union for pagerduty and the Firehose not to be sent again
  const teams = new RecordingOutput("teams", ["url"], 1);
  const processor = createAlertProcessor({
    store: createDynamoProcessorStore({ client: documentClient, table: TABLE }),
    outputServices: { "aws-firehose": firehose, slack, "pagerduty-v2": pagerduty, teams },
    outputsConfig: {
      "aws-firehose": { alerts: "acme_streamalert_alert_delivery" },
      slack: ["security"],
      "pagerduty-v2": ["oncall"],
      teams: ["soc"],
    },
    prefix: "acme",
    credentials: createMapCredentialProvider({
      "/acme/streamalert/outputs/slack/security": '{"url":"https://hooks.example/T0"}',
      "/acme/streamalert/outputs/pagerduty-v2/oncall": '{"routing_key":"r0"}',
      "/acme/streamalert/outputs/teams/soc": '{"url":"https://teams.example/T0"}',
    }),
    publishers: buildPublisherRegistry(),
    logger: quiet,
  });
  const payloads: Array<Record<string, unknown>> = [];
  const inProcess = createInProcessInvoker((event) => processor.process(event));
  const merger = createAlertMerger({
    table: createDynamoMergerTable({ client: documentClient, table: TABLE }),
    invoker: {
      async invoke(payload) {
        payloads.push(JSON.parse(payload) as Record<string, unknown>);
        await inProcess.invoke(payload);
      },
    },
    processorTimeoutSec: 60,
    now: () => clock,
    logger: quiet,
  });

  const send = (id: string, records: LogRecord[]) =>
    engine.processMessages([{ messageId: id, body: JSON.stringify(records.map(classified)) }]);
  /** runs the merger once a minute until the table is empty; returns the runs it took */
  const runUntilEmpty = async () => {
    for (let run = 1; run <= 20; run++) {
      advance(61);
      const summary = await merger.run();
      expect(summary.errors).toBe(0);
      const scan = await emulators.dynamodb.send(new ScanCommand({ TableName: TABLE }));
      if ((scan.Count ?? 0) === 0) return run;
    }
    throw new Error("alerts left in the table after 20 merger runs");
  };
  return { send, advance, runUntilEmpty, merger, payloads, firehose, slack, pagerduty, teams };
}

test("alerts are delivered exactly once per output, merged, and large ones go by key", async () => {
  const { send, advance, runUntilEmpty, payloads, firehose, slack, pagerduty, teams } =
    createPipeline();
  // the rules engine writes: one login alert, three port scans a minute apart, one 200 KB alert
  await send("m1", [
    { eventName: "ConsoleLogin", userName: "alice" },
    { eventName: "PutPolicy", policy: "p".repeat(200_000) },
    { eventName: "PortScan", sourceIPAddress: "203.0.113.9", port: 22 },
  ]);
  for (const port of [80, 443]) {
    advance(60);
    await send(`scan-${port}`, [{ eventName: "PortScan", sourceIPAddress: "203.0.113.9", port }]);
  }
  // a redelivered message creates nothing new
  await send("m1-again", [{ eventName: "ConsoleLogin", userName: "alice" }]);

  // the merger runs every minute until nothing is left
  await runUntilEmpty();

  // slack failed twice for each alert, then succeeded: delivered exactly once per alert
  expect(slack.deliveriesOf("console_login_without_mfa")).toHaveLength(1);
  expect(pagerduty.deliveriesOf("console_login_without_mfa")).toHaveLength(1);
  expect(firehose.deliveriesOf("console_login_without_mfa")).toHaveLength(1);
  expect(teams.deliveriesOf("console_login_without_mfa")).toHaveLength(1);

  // the port scans reach slack once, merged; each also went to the alerts Firehose once
  const scans = slack.deliveriesOf("port_scan");
  expect(scans).toHaveLength(1);
  expect(scans[0].alert.record).toEqual({
    AlertCount: 3,
    AlertTimeFirst: "2026-03-01T12:00:00.000000Z",
    AlertTimeLast: "2026-03-01T12:02:00.000000Z",
    MergedBy: { sourceIPAddress: "203.0.113.9" },
    OtherCommonKeys: { eventName: "PortScan" },
    ValueDiffs: {
      "2026-03-01T12:00:00.000000Z": { port: 22 },
      "2026-03-01T12:01:00.000000Z": { port: 80 },
      "2026-03-01T12:02:00.000000Z": { port: 443 },
    },
  });
  const firehoseScans = firehose.deliveriesOf("port_scan");
  expect(firehoseScans).toHaveLength(4);
  expect(new Set(firehoseScans.map((request) => request.alert.alertId)).size).toBe(4);

  // the 200 KB alert went by its key and was still delivered whole
  const huge = pagerduty.deliveriesOf("huge_policy_change");
  expect(huge).toHaveLength(1);
  expect(String(huge[0].alert.record.policy)).toHaveLength(200_000);
  const hugePayloads = payloads.filter((payload) => payload.RuleName === "huge_policy_change");
  expect(hugePayloads).toEqual([
    { RuleName: "huge_policy_change", AlertID: huge[0].alert.alertId },
  ]);
  // everything else went inline
  expect(payloads.filter((payload) => payload.Record === undefined)).toHaveLength(1);
}, 30_000);

test("send-first: the first alert of a window goes out at once, the rest merged when it closes", async () => {
  const { send, advance, merger, runUntilEmpty, slack } = createPipeline();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await send(`fail-${attempt}`, [{ eventName: "FailedLogin", userName: "bob", attempt }]);
    advance(60);
  }
  // within the window: three runs bring the first alert through slack's two failures
  for (let run = 0; run < 3; run++) {
    advance(61);
    await merger.run();
  }
  const early = slack.deliveriesOf("brute_force");
  expect(early.map((request) => request.alert.record)).toEqual([
    { eventName: "FailedLogin", userName: "bob", attempt: 1 },
  ]);

  await runUntilEmpty();
  const all = slack.deliveriesOf("brute_force");
  expect(all).toHaveLength(2);
  expect(all[1].alert.record).toMatchObject({
    AlertCount: 3,
    MergedBy: { userName: "bob" },
    OtherCommonKeys: { eventName: "FailedLogin" },
  });
}, 30_000);
