import { type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../shared/alert";
import { toItem } from "../shared/alert";

export interface AlertWriteResult {
  /** newly stored */
  written: number;
  /** already in the table (a redelivered message): counts as success */
  duplicates: number;
  /** could not be stored; their messages must be redelivered */
  failed: Array<{ alert: Alert; error: unknown }>;
}

/** Where triggered alerts go: the alerts table in production, a list in tests and the CLI. */
export interface AlertWriter {
  write(alerts: readonly Alert[]): Promise<AlertWriteResult>;
}

export interface DynamoAlertWriterOptions {
  /** built with `marshallOptions.removeUndefinedValues` (rule contexts may hold undefined) */
  client: DynamoDBDocumentClient;
  table: string;
  /** puts in flight at once; default 16 */
  concurrency?: number;
  /** tries per alert on throttling and server errors; default 5 */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TransactionConflictException",
]);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One conditional PutItem per alert (`attribute_not_exists(AlertID)`): BatchWriteItem cannot
 * carry conditions, and the condition is what makes redelivery idempotent. Throttles and server
 * errors are retried with backoff and jitter; other errors fail that alert only.
 */
export function createDynamoAlertWriter(options: DynamoAlertWriterOptions): AlertWriter {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? wait;

  async function put(alert: Alert): Promise<"written" | "duplicate"> {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.client.send(
          new PutCommand({
            TableName: options.table,
            Item: toItem(alert),
            ConditionExpression: "attribute_not_exists(AlertID)",
          }),
        );
        return "written";
      } catch (error) {
        if (errorName(error) === "ConditionalCheckFailedException") return "duplicate";
        if (attempt >= maxAttempts || !isRetryable(error)) throw error;
        await sleep(Math.random() * Math.min(100 * 2 ** attempt, 3000));
      }
    }
  }

  return {
    async write(alerts) {
      const result: AlertWriteResult = { written: 0, duplicates: 0, failed: [] };
      let next = 0;
      const worker = async () => {
        while (next < alerts.length) {
          const alert = alerts[next++];
          try {
            if ((await put(alert)) === "written") result.written++;
            else result.duplicates++;
          } catch (error) {
            result.failed.push({ alert, error });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, alerts.length) }, worker));
      return result;
    },
  };
}

/** Tests and the rule test command: keeps alerts in memory, idempotent by key like the table. */
export function createMemoryAlertWriter(): AlertWriter & { alerts: Alert[] } {
  const seen = new Set<string>();
  const alerts: Alert[] = [];
  return {
    alerts,
    async write(batch) {
      const result: AlertWriteResult = { written: 0, duplicates: 0, failed: [] };
      for (const alert of batch) {
        const key = `${alert.ruleName}\u0000${alert.alertId}`;
        if (seen.has(key)) {
          result.duplicates++;
          continue;
        }
        seen.add(key);
        alerts.push(alert);
        result.written++;
      }
      return result;
    },
  };
}

function errorName(error: unknown): string | undefined {
  return typeof error === "object" && error !== null
    ? (error as { name?: string }).name
    : undefined;
}

function isRetryable(error: unknown): boolean {
  const name = errorName(error);
  if (name !== undefined && RETRYABLE.has(name)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}
