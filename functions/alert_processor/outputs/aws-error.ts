// Turns an AWS SDK failure into the OutputError the processor records. The SDK has already
// retried throttling and 5xx (standard retry mode) before it rejects, so what arrives here is
// final for this dispatch; `retryable` tells the reader whether the next dispatch could succeed.
import { OutputError } from "./errors";

/** Service errors that clear up on their own (the SDK names them by the service's error code). */
const TRANSIENT_ERROR_NAMES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "ServiceException",
  "InternalFailure",
  "InternalError",
  "SlowDown",
  "KMSThrottlingException",
  "ProvisionedThroughputExceededException",
]);

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * `aws-s3: PutObject to bucket "alerts-archive" failed: AccessDenied: Access Denied (HTTP 403)`.
 * The SDK's messages carry no secrets (credentials never appear in them).
 */
export function awsOutputError(service: string, action: string, error: unknown): OutputError {
  if (error instanceof OutputError) return error;
  const shape = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const name = typeof shape.name === "string" ? shape.name : "Error";
  const message =
    typeof shape.message === "string" && shape.message !== "" ? shape.message : String(error);
  const status = shape.$metadata?.httpStatusCode;
  const suffix = typeof status === "number" ? ` (HTTP ${status})` : "";
  // A client fault (access denied, no such bucket, bad parameter) fails again until someone
  // changes the configuration; network errors and server faults may pass next time.
  const retryable = shape.$fault !== "client" || TRANSIENT_ERROR_NAMES.has(name);
  return new OutputError(`${service}: ${action} failed: ${name}: ${message}${suffix}`, {
    retryable,
    cause: error,
  });
}
