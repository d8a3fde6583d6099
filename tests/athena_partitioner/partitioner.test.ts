import {
  addPartitionStatement,
  addPartitionsForMessages,
} from "../../functions/athena_partitioner/partitioner";
import { S3_TEST_EVENT, s3Notification } from "./factories";

const BUCKET = "acme-streamalert-data";
const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

function recordingRunner(failTables: string[] = []) {
  const statements: string[] = [];
  const run = async (statement: string) => {
    statements.push(statement);
    const table = statement.split(" ")[2];
    if (failTables.includes(table)) throw new Error(`Athena failed for ${table}`);
  };
  return { statements, run };
}

describe("addPartitionStatement", () => {
  it("lists every partition with its location, quoting values", () => {
    expect(
      addPartitionStatement("alerts", [
        { table: "alerts", dt: "2024-01-01-00", location: "s3://b/alerts/dt=2024-01-01-00/" },
        { table: "alerts", dt: "2024-01-01-01", location: "s3://b/it's/" },
      ]),
    ).toBe(
      "ALTER TABLE alerts ADD IF NOT EXISTS PARTITION (dt = '2024-01-01-00') LOCATION 's3://b/alerts/dt=2024-01-01-00/' PARTITION (dt = '2024-01-01-01') LOCATION 's3://b/it''s/'",
    );
  });
});

describe("addPartitionsForMessages", () => {
  it("runs one statement per table with each hour once, across messages", async () => {
    const runner = recordingRunner();
    const result = await addPartitionsForMessages(
      [
        {
          messageId: "m1",
          body: s3Notification(
            BUCKET,
            "alerts/dt=2024-01-01-01/a.gz",
            "alerts/dt=2024-01-01-00/b.gz",
          ),
        },
        {
          messageId: "m2",
          body: s3Notification(
            BUCKET,
            "alerts/dt=2024-01-01-01/c.gz",
            "cloudtrail_events/dt=2024-01-01-01/d.gz",
          ),
        },
      ],
      { run: runner.run, logger },
    );
    expect(runner.statements.sort()).toEqual([
      `ALTER TABLE alerts ADD IF NOT EXISTS PARTITION (dt = '2024-01-01-00') LOCATION 's3://${BUCKET}/alerts/dt=2024-01-01-00/' PARTITION (dt = '2024-01-01-01') LOCATION 's3://${BUCKET}/alerts/dt=2024-01-01-01/'`,
      `ALTER TABLE cloudtrail_events ADD IF NOT EXISTS PARTITION (dt = '2024-01-01-01') LOCATION 's3://${BUCKET}/cloudtrail_events/dt=2024-01-01-01/'`,
    ]);
    expect(result.failedMessageIds).toEqual([]);
    expect(result.added).toEqual({
      alerts: ["2024-01-01-00", "2024-01-01-01"],
      cloudtrail_events: ["2024-01-01-01"],
    });
  });

  it("fails only the messages with a partition of the table whose statement failed", async () => {
    const runner = recordingRunner(["cloudtrail_events"]);
    const result = await addPartitionsForMessages(
      [
        { messageId: "m1", body: s3Notification(BUCKET, "alerts/dt=2024-01-01-01/a.gz") },
        {
          messageId: "m2",
          body: s3Notification(
            BUCKET,
            "alerts/dt=2024-01-01-01/b.gz",
            "cloudtrail_events/dt=2024-01-01-01/c.gz",
          ),
        },
        { messageId: "m3", body: s3Notification(BUCKET, "cloudtrail_events/dt=2024-01-01-02/e") },
      ],
      { run: runner.run, logger },
    );
    expect(result.failedMessageIds).toEqual(["m2", "m3"]);
    expect(result.added).toEqual({ alerts: ["2024-01-01-01"] });
  });

  it("runs nothing and fails nothing for test events, folder markers and malformed bodies", async () => {
    const runner = recordingRunner();
    const result = await addPartitionsForMessages(
      [
        { messageId: "m1", body: S3_TEST_EVENT },
        { messageId: "m2", body: s3Notification(BUCKET, "alerts/dt=2024-01-01-01_$folder$") },
        { messageId: "m3", body: "{broken" },
      ],
      { run: runner.run, logger },
    );
    expect(runner.statements).toEqual([]);
    expect(result).toEqual({ failedMessageIds: [], added: {}, skippedObjects: 1 });
  });

  it("skips objects of tables outside knownTables", async () => {
    const runner = recordingRunner();
    await addPartitionsForMessages(
      [
        {
          messageId: "m1",
          body: s3Notification(BUCKET, "alerts/dt=2024-01-01-01/a", "stray/dt=2024-01-01-01/b"),
        },
      ],
      { run: runner.run, logger, knownTables: new Set(["alerts"]) },
    );
    expect(runner.statements).toHaveLength(1);
    expect(runner.statements[0]).toMatch(/^ALTER TABLE alerts /);
  });
});
