import type { Alert } from "../../shared/alert";

/** What one output is asked to deliver. */
export interface DispatchRequest {
  alert: Alert;
  /** "security" in "slack:security" */
  descriptor: string;
  /** the alert's publication for this output: default plain form after the publisher chain */
  publication: Record<string, unknown>;
  /** for aws-* services: the resource outputs.json maps the descriptor to (function, bucket, ...) */
  resource?: string;
  /** for secret-bearing services: the SSM SecureString `/<prefix>/streamalert/outputs/<service>/<descriptor>`, parsed */
  credentials?: Record<string, string>;
}

/** One output service (slack, pagerduty-v2, aws-s3, ...): one file each under outputs/. */
export interface OutputService {
  /** "slack", "aws-s3", ... as in outputs.json */
  readonly service: string;
  /** true when the service needs SSM credentials; their required keys, for a clear error */
  readonly credentialKeys: readonly string[];
  /** Deliver; resolves on success, rejects with an OutputError (errors.ts) saying why. */
  dispatch(request: DispatchRequest): Promise<void>;
}
