// The runner as the state machine calls it: Athena mocked (exact calls asserted), records sent
// to a kinesalite stream, read back and classified as streamquery:version1 with the example conf.
import { join } from "node:path";
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
} from "@aws-sdk/client-kinesis";
import { mockClient } from "aws-sdk-client-mock";
import { createClassifier } from "../../functions/classifier/classifier";
import { handler } from "../../functions/scheduled_queries/handler";
import type { PackState } from "../../functions/scheduled_queries/pack-state";
import { loadConfig } from "../../functions/shared/config";
import { createActiveStream, type Emulators, startEmulators } from "../helpers/emulators";

// The bundle's generated index of scheduled_queries/, as the build writes it.
jest.mock("../../functions/scheduled_queries/query-index", () => ({
  queryModules: [
    {
      file: "scheduled_queries/alerts_per_rule_daily.ts",
      exports: require("../../scheduled_queries/alerts_per_rule_daily"),
    },
    {
      file: "scheduled_queries/athena_queries_started.ts",
      exports: require("../../scheduled_queries/athena_queries_started"),
    },
  ],
}));

const STREAM = "acme_prod_streamalert";
const athena = mockClient(AthenaClient);
let emulators: Emulators;
let streamNumber = 0;

const dtHour = (time: Date) => time.toISOString().slice(0, 13).replace("T", "-");

beforeAll(async () => {
  emulators = await startEmulators(["kinesis"]);
  process.env.AWS_ENDPOINT_URL_KINESIS = emulators.endpoints.kinesis;
  process.env.ATHENA_DATABASE = "acme_streamalert";
  process.env.ATHENA_RESULTS_BUCKET = "acme-streamalert-athena-results";
});
afterAll(async () => {
  for (const name of [
    "AWS_ENDPOINT_URL_KINESIS",
    "ATHENA_DATABASE",
    "ATHENA_RESULTS_BUCKET",
    "DESTINATION_KINESIS_STREAM",
  ]) {
    delete process.env[name];
  }
  athena.restore();
  await emulators.stop();
});
beforeEach(async () => {
  athena.reset();
  const stream = `${STREAM}_${++streamNumber}`;
  await createActiveStream(emulators.kinesis, stream);
  process.env.DESTINATION_KINESIS_STREAM = stream;
});

async function streamRecords(): Promise<string[]> {
  const StreamName = process.env.DESTINATION_KINESIS_STREAM;
  const { Shards } = await emulators.kinesis.send(new ListShardsCommand({ StreamName }));
  const { ShardIterator } = await emulators.kinesis.send(
    new GetShardIteratorCommand({
      StreamName,
      ShardId: Shards?.[0].ShardId,
      ShardIteratorType: "TRIM_HORIZON",
    }),
  );
  const { Records } = await emulators.kinesis.send(new GetRecordsCommand({ ShardIterator }));
  return (Records ?? []).map((record) => Buffer.from(record.Data ?? []).toString());
}

function athenaState(state: string, reason?: string) {
  athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: {
      QueryExecutionId: "exec-1",
      Query: "SELECT eventtime FROM cloudtrail_events",
      Status: { State: state as "RUNNING", StateChangeReason: reason },
      Statistics: { DataScannedInBytes: 2048, EngineExecutionTimeInMillis: 900 },
    },
  });
}

describe("scheduled queries runner", () => {
  it("starts the pack's queries, waits while they run, then sends the results", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "exec-1" });
    athenaState("RUNNING");

    const first = await handler({ name: "hourly", event_id: "e-1" });
    expect(first).toMatchObject({ name: "hourly", event_id: "e-1", done: false });
    expect(first.queries).toEqual({
      athena_queries_started: { execution_id: "exec-1", sent: false },
    });
    const start = athena.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input);
    expect(start).toHaveLength(1);
    const hourBefore = new Date(Date.parse(first.clock) - 3_600_000);
    expect(start[0].QueryString).toContain(`WHERE dt = '${dtHour(hourBefore)}'`);
    expect(start[0].QueryExecutionContext).toEqual({ Database: "acme_streamalert" });
    expect(start[0].ResultConfiguration?.OutputLocation).toMatch(
      /^s3:\/\/acme-streamalert-athena-results\/scheduled_queries\/\d{4}\/\d{2}\/\d{2}\/$/,
    );

    // The state machine waits, then passes the state back: still running, nothing sent.
    const second = await handler(JSON.parse(JSON.stringify(first)) as PackState);
    expect(second).toMatchObject({ done: false, clock: first.clock });
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
    expect(await streamRecords()).toEqual([]);

    athenaState("SUCCEEDED");
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        Rows: [
          { Data: [{ VarCharValue: "eventtime" }, { VarCharValue: "sourceipaddress" }] },
          { Data: [{ VarCharValue: "2024-03-05T06:10:00Z" }, { VarCharValue: "10.0.0.1" }] },
          { Data: [{ VarCharValue: "2024-03-05T06:20:00Z" }, {}] },
        ],
      },
    });
    const third = await handler(second);
    expect(third.done).toBe(true);
    expect(third.queries.athena_queries_started).toMatchObject({ sent: true, state: "SUCCEEDED" });
    expect(athena.commandCalls(GetQueryResultsCommand)[0].args[0].input).toEqual({
      QueryExecutionId: "exec-1",
    });

    const sent = await streamRecords();
    expect(sent).toHaveLength(1);
    const record = JSON.parse(sent[0]);
    expect(record.execution).toMatchObject({
      name: "athena_queries_started",
      query_execution_id: "exec-1",
      data_scanned_in_bytes: 2048,
      execution_time_ms: 900,
      tags: ["hourly", "cloudtrail"],
    });
    expect(record.data).toEqual({
      headers: ["eventtime", "sourceipaddress"],
      rows: [
        { eventtime: "2024-03-05T06:10:00Z", sourceipaddress: "10.0.0.1" },
        { eventtime: "2024-03-05T06:20:00Z", sourceipaddress: null },
      ],
      count: 2,
    });

    // What the classifier makes of it, with the stream as a streamquery source.
    const { config } = loadConfig(join(__dirname, "..", "..", "conf"));
    config.clusters.prod.data_sources.kinesis = { [STREAM]: ["streamquery"] };
    const outcome = createClassifier(config, "prod").classify({
      service: "kinesis",
      resource: STREAM,
      data: sent[0],
    });
    expect(outcome.ok && outcome.records.map((r) => r.log_schema_type)).toEqual([
      "streamquery:version1",
    ]);
  });

  it("sends an error record for a failed query and finishes", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "exec-1" });
    athenaState("FAILED", "SYNTAX_ERROR: line 3:1");
    const state = await handler({ name: "daily" });
    expect(state.done).toBe(true);
    expect(state.queries.alerts_per_rule_daily).toMatchObject({
      sent: true,
      state: "FAILED",
      error: "SYNTAX_ERROR: line 3:1",
    });
    const [record] = (await streamRecords()).map((text) => JSON.parse(text));
    expect(record.execution.error).toEqual({ description: "SYNTAX_ERROR: line 3:1" });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it("starts a query again on the next pass when Athena refused to start it", async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejectsOnce(new Error("TooManyRequestsException"))
      .resolves({ QueryExecutionId: "exec-2" });
    athenaState("RUNNING");
    const first = await handler({ name: "daily" });
    expect(first).toMatchObject({ done: false, queries: {} });
    const second = await handler(first);
    expect(second.queries.alerts_per_rule_daily).toEqual({ execution_id: "exec-2", sent: false });
  });

  it("is done at once for a pack no query is tagged with", async () => {
    const state = await handler({ name: "weekly" });
    expect(state).toMatchObject({ name: "weekly", done: true, queries: {} });
    expect(athena.calls()).toHaveLength(0);
  });

  it("rejects input without a pack name, saying what it expects", async () => {
    await expect(handler({ event_id: "x" })).rejects.toThrow(/no pack "name"/);
  });
});
