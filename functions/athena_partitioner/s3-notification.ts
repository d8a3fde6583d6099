// The S3 objects named by one SQS message body: an S3 event notification (`Records[].s3`), as
// the data bucket sends it to the partitioner's queue. S3's test event and non-S3 records name
// none. Keys arrive URL-encoded (`+` for a space, `%3D` for `=`) and are decoded here.

export interface S3ObjectRef {
  bucket: string;
  key: string;
}

export type NotificationContent =
  | { kind: "objects"; objects: S3ObjectRef[] }
  | { kind: "test_event" }
  | { kind: "malformed"; reason: string };

interface NotificationRecord {
  s3?: { bucket?: { name?: unknown }; object?: { key?: unknown } };
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, " "));
  } catch {
    return key;
  }
}

export function objectsInNotification(body: string): NotificationContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: "malformed", reason: "body is not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null) {
    return { kind: "malformed", reason: "body is not a JSON object" };
  }
  const message = parsed as { Event?: unknown; Records?: unknown };
  if (message.Event === "s3:TestEvent") return { kind: "test_event" };
  if (!Array.isArray(message.Records)) {
    return { kind: "malformed", reason: "no Records list (not an S3 event notification)" };
  }
  const objects: S3ObjectRef[] = [];
  for (const record of message.Records as NotificationRecord[]) {
    const bucket = record?.s3?.bucket?.name;
    const key = record?.s3?.object?.key;
    if (typeof bucket === "string" && typeof key === "string") {
      objects.push({ bucket, key: decodeKey(key) });
    }
  }
  return { kind: "objects", objects };
}
