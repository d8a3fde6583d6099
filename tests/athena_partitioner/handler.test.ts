import {
  AthenaClient,
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { handler, knownAthenaTables } from "../../functions/athena_partitioner/handler";
import { getRuntimeConfig } from "../../functions/shared/runtime-config";
import { s3Notification, sqsEvent } from "./factories";

const athena = mockClient(AthenaClient);
const BUCKET = "acme-streamalert-data";
const context = { getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

beforeAll(() => {
  process.env.ATHENA_DATABASE = "acme_streamalert";
  process.env.ATHENA_RESULTS_BUCKET = "acme-streamalert-athena-results";
});
afterAll(() => {
  delete process.env.ATHENA_DATABASE;
  delete process.env.ATHENA_RESULTS_BUCKET;
  athena.restore();
});
beforeEach(() => athena.reset());

describe("athena partitioner handler", () => {
  it("knows the tables of the example conf's enabled Firehose logs and alerts", () => {
    const tables = knownAthenaTables(getRuntimeConfig());
    expect(tables.has("alerts")).toBe(true);
    expect(tables.has("cloudtrail_events")).toBe(true);
    expect(tables.has("osquery_differential")).toBe(true);
    expect(tables.has("duo_authentication")).toBe(false);
  });

  it("starts the ALTER TABLE in the database with results under the results bucket, waits for it", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-1" });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce({ QueryExecution: { Status: { State: "RUNNING" } } })
      .resolves({ QueryExecution: { Status: { State: "SUCCEEDED" } } });
    const response = await handler(
      sqsEvent(s3Notification(BUCKET, "alerts/dt=2024-01-01-01/a.gz")),
      context,
    );
    expect(response).toEqual({ batchItemFailures: [] });
    const starts = athena.commandCalls(StartQueryExecutionCommand);
    expect(starts).toHaveLength(1);
    const input = starts[0].args[0].input;
    expect(input.QueryString).toBe(
      `ALTER TABLE alerts ADD IF NOT EXISTS PARTITION (dt = '2024-01-01-01') LOCATION 's3://${BUCKET}/alerts/dt=2024-01-01-01/'`,
    );
    expect(input.QueryExecutionContext).toEqual({ Database: "acme_streamalert" });
    expect(input.ResultConfiguration?.OutputLocation).toMatch(
      /^s3:\/\/acme-streamalert-athena-results\/athena_partitioner\/\d{4}\/\d{2}\/\d{2}\/$/,
    );
    expect(athena.commandCalls(GetQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([
      { QueryExecutionId: "q-1" },
      { QueryExecutionId: "q-1" },
    ]);
  });

  it("reports the messages of a failed statement as batch item failures", async () => {
    athena.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string }) => ({
      QueryExecutionId: input.QueryString.includes("TABLE alerts ") ? "q-alerts" : "q-ct",
    }));
    const states: Record<string, { State: string; StateChangeReason?: string }> = {
      "q-alerts": { State: "SUCCEEDED" },
      "q-ct": { State: "FAILED", StateChangeReason: "Table not found" },
    };
    athena.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => ({
      QueryExecution: { Status: states[input.QueryExecutionId] },
    }));
    const response = await handler(
      sqsEvent(
        s3Notification(BUCKET, "alerts/dt=2024-01-01-01/a.gz"),
        s3Notification(BUCKET, "cloudtrail_events/dt=2024-01-01-01/b.gz"),
      ),
      context,
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: "m2" }] });
  });

  it("fails the messages when Athena does not start the statement", async () => {
    athena.on(StartQueryExecutionCommand).rejects(new Error("TooManyRequestsException"));
    const response = await handler(
      sqsEvent(s3Notification(BUCKET, "alerts/dt=2024-01-01-01/a.gz")),
      context,
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: "m1" }] });
  });
});
