import { partitionOfObject } from "../../functions/athena_partitioner/object-partition";
import { objectsInNotification } from "../../functions/athena_partitioner/s3-notification";

const BUCKET = "acme-streamalert-data";

describe("partitionOfObject", () => {
  it.each([
    [
      "Firehose data object",
      "cloudtrail_events/dt=2024-03-05-07/acme_streamalert_cloudtrail_events-1-2024.gz",
      {
        table: "cloudtrail_events",
        dt: "2024-03-05-07",
        folder: "cloudtrail_events/dt=2024-03-05-07/",
      },
    ],
    [
      "alerts object",
      "alerts/dt=2024-12-31-23/acme_streamalert_alert_delivery-1.gz",
      { table: "alerts", dt: "2024-12-31-23", folder: "alerts/dt=2024-12-31-23/" },
    ],
    [
      "StreamAlert parquet layout",
      "parquet/osquery_differential/dt=2024-01-02-03/part.parquet",
      {
        table: "osquery_differential",
        dt: "2024-01-02-03",
        folder: "parquet/osquery_differential/dt=2024-01-02-03/",
      },
    ],
    [
      "StreamAlert JSON layout",
      "osquery_differential/2024/01/02/03/data.gz",
      {
        table: "osquery_differential",
        dt: "2024-01-02-03",
        folder: "osquery_differential/2024/01/02/03/",
      },
    ],
  ])("%s → its table, hour and folder", (_, key, expected) => {
    expect(partitionOfObject(BUCKET, key)).toEqual({
      kind: "partition",
      partition: {
        table: expected.table,
        dt: expected.dt,
        location: `s3://${BUCKET}/${expected.folder}`,
      },
    });
  });

  it.each([
    ["folder marker", "cloudtrail_events/dt=2024-03-05-07_$folder$"],
    ["folder object", "cloudtrail_events/dt=2024-03-05-07/"],
    ["Firehose error output", "cloudtrail_events_errors/processing-failed/dt=2024-03-05-07/x.gz"],
    ["no partition folder", "cloudtrail_events/file.gz"],
    ["table name with SQL in it", "x;drop/dt=2024-03-05-07/file.gz"],
    ["hour not two digits", "alerts/dt=2024-03-05-7/file.gz"],
  ])("skips a %s", (_, key) => {
    expect(partitionOfObject(BUCKET, key).kind).toBe("skip");
  });

  it("skips tables the configuration does not know, naming the table", () => {
    const found = partitionOfObject(
      BUCKET,
      "unknown_table/dt=2024-03-05-07/f.gz",
      new Set(["alerts"]),
    );
    expect(found).toEqual({ kind: "skip", reason: expect.stringContaining('"unknown_table"') });
  });
});

describe("objectsInNotification", () => {
  it("decodes URL-encoded keys (`%3D` for =, + for a space)", () => {
    const body = JSON.stringify({
      Records: [
        { s3: { bucket: { name: BUCKET }, object: { key: "alerts/dt%3D2024-01-01-00/a+b.gz" } } },
      ],
    });
    expect(objectsInNotification(body)).toEqual({
      kind: "objects",
      objects: [{ bucket: BUCKET, key: "alerts/dt=2024-01-01-00/a b.gz" }],
    });
  });

  it.each([
    ["S3's test event", JSON.stringify({ Event: "s3:TestEvent" }), "test_event"],
    ["a body that is not JSON", "not json", "malformed"],
    ["JSON without Records", JSON.stringify({ hello: 1 }), "malformed"],
  ])("recognises %s", (_, body, kind) => {
    expect(objectsInNotification(body).kind).toBe(kind);
  });
});
