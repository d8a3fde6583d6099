// aws-cloudwatch-log: the publication as one JSON log event. With a log group in outputs.json
// (`"group"` or `"group:stream"`) it goes there by PutLogEvents, the stream created on first
// use; with StreamAlert's list form (no resource) it is written to the processor's own log, as
// StreamAlert did.
import {
  CloudWatchLogsClient,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { logger } from "../../shared/logger";
import { withoutOverrideKeys } from "../publishers/override-keys";
import { awsOutputError } from "./aws-error";
import { toJsonText } from "./aws-request";
import { OutputConfigError, OutputError } from "./errors";
import type { OutputService } from "./types";

export const CLOUDWATCH_LOG_SERVICE = "aws-cloudwatch-log";

/** CloudWatch Logs takes events up to 1 MiB including 26 bytes of overhead each. */
export const LOG_EVENT_MAX_BYTES = 1024 * 1024 - 26;

export interface CloudWatchLogOutputDeps {
  clientOptions?: AwsClientOptions;
  /** where alerts go without a log group (the processor's log) */
  writeToOwnLog?: (publication: Record<string, unknown>) => void;
  /** injectable for tests */
  now?: () => number;
}

export interface LogDestination {
  logGroupName: string;
  logStreamName: string;
}

/**
 * `group` or `group:stream` (log group names cannot hold ":"); the stream defaults to the
 * descriptor. A log group ARN (`arn:aws:logs:...:log-group:name[:*]`) is accepted too.
 */
export function parseLogDestination(resource: string, descriptor: string): LogDestination {
  let text = resource.trim();
  const arnGroup = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(text);
  if (arnGroup) text = arnGroup[1];
  const colon = text.indexOf(":");
  const logGroupName = colon < 0 ? text : text.slice(0, colon);
  const logStreamName = colon < 0 ? descriptor : text.slice(colon + 1) || descriptor;
  return { logGroupName, logStreamName };
}

const errorName = (error: unknown) =>
  typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";

export function createCloudWatchLogOutput(deps: CloudWatchLogOutputDeps = {}): OutputService {
  const now = deps.now ?? Date.now;
  const writeToOwnLog =
    deps.writeToOwnLog ?? ((publication) => logger.info("New Alert", { alert: publication }));
  let client: CloudWatchLogsClient | undefined;
  const logs = () =>
    (client ??= new CloudWatchLogsClient(awsClientConfig("cloudwatch_logs", deps.clientOptions)));

  async function createStream({ logGroupName, logStreamName }: LogDestination): Promise<void> {
    try {
      await logs().send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
    } catch (error) {
      const name = errorName(error);
      if (name === "ResourceAlreadyExistsException") return; // created meanwhile
      if (name === "ResourceNotFoundException") {
        throw new OutputConfigError(
          `${CLOUDWATCH_LOG_SERVICE}: log group "${logGroupName}" does not exist; create it ` +
            "(the processor only creates streams) or fix conf/outputs.json",
        );
      }
      throw awsOutputError(
        CLOUDWATCH_LOG_SERVICE,
        `CreateLogStream "${logStreamName}" in log group "${logGroupName}"`,
        error,
      );
    }
  }

  return {
    service: CLOUDWATCH_LOG_SERVICE,
    credentialKeys: [],
    async dispatch({ alert, descriptor, publication, resource }) {
      const data = withoutOverrideKeys(publication);
      if (!resource?.trim()) {
        writeToOwnLog(data);
        return;
      }
      const destination = parseLogDestination(resource, descriptor);
      const message = toJsonText(CLOUDWATCH_LOG_SERVICE, data);
      const bytes = Buffer.byteLength(message, "utf8");
      if (bytes > LOG_EVENT_MAX_BYTES) {
        throw new OutputError(
          `${CLOUDWATCH_LOG_SERVICE}: alert ${alert.alertId} is ${bytes} bytes as JSON, over the ` +
            `${LOG_EVENT_MAX_BYTES}-byte log event limit; drop large fields with a publisher`,
          { retryable: false },
        );
      }
      const put = () =>
        logs().send(
          new PutLogEventsCommand({ ...destination, logEvents: [{ timestamp: now(), message }] }),
        );
      const where = `stream "${destination.logStreamName}" of log group "${destination.logGroupName}"`;
      try {
        try {
          await put();
        } catch (error) {
          // a missing stream is made on first use; any other failure is reported as is
          if (errorName(error) !== "ResourceNotFoundException") throw error;
          await createStream(destination);
          await put();
        }
      } catch (error) {
        throw awsOutputError(CLOUDWATCH_LOG_SERVICE, `PutLogEvents to ${where}`, error);
      }
    },
  };
}
