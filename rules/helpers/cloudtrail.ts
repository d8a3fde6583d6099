// The parts of a CloudTrail event the rules read: a `cloudtrail:events` record, or the `detail`
// of a `cloudwatch:events` record (CloudTrail delivered through EventBridge). Every field is
// optional: records come from many services and API versions.
import type { LogRecord } from "../../functions/shared/rules";

export interface CloudTrailUserIdentity {
  type?: string;
  arn?: string;
  accountId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: {
    attributes?: { mfaAuthenticated?: string; creationDate?: string };
    sessionIssuer?: { type?: string; userName?: string; arn?: string };
  };
}

export interface CloudTrailEvent {
  eventName?: string;
  eventSource?: string;
  eventType?: string;
  awsRegion?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
  recipientAccountId?: string;
  userIdentity?: CloudTrailUserIdentity;
  // request and response bodies differ per API: rules narrow them themselves
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown> | null;
}

/** A `cloudtrail:events` record as a CloudTrail event. */
export const cloudTrailEvent = (record: LogRecord): CloudTrailEvent => record as CloudTrailEvent;

/** The CloudTrail event inside a `cloudwatch:events` record (`detail`), or an empty event. */
export function cloudWatchCloudTrailEvent(record: LogRecord): CloudTrailEvent {
  const detail = record.detail;
  return typeof detail === "object" && detail !== null ? (detail as CloudTrailEvent) : {};
}

/** Who made the call, for alert titles: user name, role session or ARN. */
export function actorOf(event: CloudTrailEvent): string {
  const identity = event.userIdentity ?? {};
  return (
    identity.userName ??
    identity.sessionContext?.sessionIssuer?.userName ??
    identity.arn ??
    identity.type ??
    "unknown principal"
  );
}
