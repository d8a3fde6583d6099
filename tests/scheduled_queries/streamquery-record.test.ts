import {
  errorRecord,
  resultRecords,
  STREAMQUERY_SCHEMA_VERSION,
} from "../../functions/scheduled_queries/streamquery-record";
import type { QueryResultTable } from "../../functions/shared/athena/athena-queries";

const query = {
  name: "athena_queries_started",
  description: "Athena queries",
  tags: ["hourly"],
  query: "SELECT ...",
};
const status = {
  executionId: "exec-1",
  state: "SUCCEEDED" as const,
  query: "SELECT 1",
  dataScannedBytes: 1234,
  engineTimeMs: 567,
};
const table = (rows: number, width = 10): QueryResultTable => ({
  headers: ["id", "value"],
  rows: Array.from({ length: rows }, (_, i) => ({ id: String(i), value: "x".repeat(width) })),
  truncated: false,
});

describe("streamquery records", () => {
  it("carry StreamAlert's fields: schema version, execution and data", () => {
    const [record, ...rest] = resultRecords(query, status, table(2), "eu-west-1");
    expect(rest).toEqual([]);
    expect(record).toEqual({
      streamquery_schema_version: STREAMQUERY_SCHEMA_VERSION,
      execution: {
        handler: "athena:csirt",
        name: "athena_queries_started",
        description: "Athena queries",
        query: "SELECT 1",
        data_scanned_in_bytes: 1234,
        execution_time_ms: 567,
        tags: ["hourly"],
        query_execution_id: "exec-1",
        console_link:
          "https://eu-west-1.console.aws.amazon.com/athena/home?region=eu-west-1#query/history/exec-1",
      },
      data: {
        headers: ["id", "value"],
        rows: [
          { id: "0", value: "xxxxxxxxxx" },
          { id: "1", value: "xxxxxxxxxx" },
        ],
        count: 2,
      },
    });
    expect(STREAMQUERY_SCHEMA_VERSION).toMatch(/^1\.\d+\.\d+$/); // schemas/streamquery.json's pattern
  });

  it("split rows that do not fit one record into numbered parts, each under the limit", () => {
    const big = table(300, 100);
    const records = resultRecords(query, status, big, "us-east-1", 5_000);
    expect(records.length).toBeGreaterThan(1);
    for (const [index, record] of records.entries()) {
      expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThanOrEqual(5_000);
      expect(record.execution).toMatchObject({ part: index + 1, parts: records.length });
      expect(record.data.count).toBe(record.data.rows.length);
    }
    expect(records.flatMap((record) => record.data.rows)).toEqual(big.rows);
  });

  it("report a failed query with Athena's reason and no rows", () => {
    const record = errorRecord(
      query,
      { executionId: "exec-2", state: "FAILED", reason: "SYNTAX_ERROR: line 1:8" },
      "us-east-1",
    );
    expect(record.execution.error).toEqual({ description: "SYNTAX_ERROR: line 1:8" });
    expect(record.data).toEqual({ headers: [], rows: [], count: 0 });
  });
});
