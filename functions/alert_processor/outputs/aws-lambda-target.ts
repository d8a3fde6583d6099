// Which function (and version or alias) an aws-lambda output invokes, from outputs.json or the
// aws-lambda-v2 credentials, and the payload both Lambda outputs send.
import type { Alert } from "../../shared/alert";
import { OverrideKeys } from "../publishers/override-keys";
import { toJsonText } from "./aws-request";

export interface LambdaTarget {
  /** a function name or a function ARN without its qualifier */
  functionName: string;
  qualifier?: string;
  /** the region of a function given by ARN */
  region?: string;
}

/**
 * Accepts StreamAlert's three forms: `name`, `name:qualifier`, and a function ARN with or
 * without `:qualifier` (`arn:aws:lambda:us-east-1:123456789012:function:name:prod`).
 * An ARN stays an ARN, so a function in another account is reachable.
 */
export function parseLambdaTarget(text: string): LambdaTarget {
  const parts = text.trim().split(":");
  if (parts[0] === "arn") {
    const functionName = parts.slice(0, 7).join(":");
    const qualifier = parts.length >= 8 && parts[7] ? parts[7] : undefined;
    return { functionName, region: parts[3] || undefined, ...(qualifier ? { qualifier } : {}) };
  }
  if (parts.length === 2 && parts[1]) return { functionName: parts[0], qualifier: parts[1] };
  return { functionName: parts[0] };
}

/**
 * StreamAlert's Lambda payload: the alert's record as compact JSON, or what a publisher put in
 * `@aws-lambda.alert_data` (functions written for StreamAlert expect exactly this).
 */
export function lambdaPayload(
  service: string,
  alert: Alert,
  publication: Record<string, unknown>,
): Uint8Array {
  const key = OverrideKeys["aws-lambda"].alert_data;
  const data = Object.hasOwn(publication, key) ? publication[key] : alert.record;
  return Buffer.from(toJsonText(service, data), "utf8");
}
