// Why an output could not deliver. The processor records the message per output and leaves the
// output pending for the next dispatch; `retryable` says whether trying again could help.

/** An output failed; the message says what was refused and why, without any secret. */
export class OutputError extends Error {
  override name = "OutputError";
  /** false for a request the service will refuse again (4xx other than 429, bad config) */
  readonly retryable: boolean;

  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? true;
  }
}

/** The HTTP service answered with a status that is not a success. */
export class OutputHttpError extends OutputError {
  override name = "OutputHttpError";
  readonly status: number;
  /** the start of the response body, for the log (services echo no secrets in errors) */
  readonly body: string;

  constructor(service: string, status: number, body: string) {
    const retryable = status === 429 || status >= 500;
    super(`${service}: HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ""}`, { retryable });
    this.status = status;
    this.body = body.slice(0, 2000);
  }
}

/** Configuration for the output (outputs.json resource, credentials) is missing or malformed. */
export class OutputConfigError extends OutputError {
  override name = "OutputConfigError";

  constructor(message: string) {
    super(message, { retryable: false });
  }
}
