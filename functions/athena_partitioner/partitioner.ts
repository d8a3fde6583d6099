// The athena partitioner's core: one SQS batch of S3 notifications → the partitions their
// objects belong to → one `ALTER TABLE ... ADD IF NOT EXISTS PARTITION ...` per table. A message
// fails (and SQS redelivers it) only when a statement for one of its partitions failed; the
// statements are idempotent, so a redelivered message adds nothing twice.
import type { Logger } from "@aws-lambda-powertools/logger";
import { type HivePartition, partitionOfObject } from "./object-partition";
import { objectsInNotification } from "./s3-notification";

export interface QueueMessage {
  messageId: string;
  body: string;
}

/** Runs one DDL statement to success; rejects when Athena did not run it. */
export type StatementRunner = (statement: string) => Promise<void>;

export type PartitionerLogger = Pick<Logger, "info" | "warn" | "error">;

export interface PartitionerOptions {
  run: StatementRunner;
  /** Athena tables that exist; objects of other tables are skipped @default every table */
  knownTables?: ReadonlySet<string>;
  logger: PartitionerLogger;
}

export interface PartitionerResult {
  /** messages to redeliver: a partition of theirs could not be added */
  failedMessageIds: string[];
  /** table → partitions added (dt values) */
  added: Record<string, string[]>;
  skippedObjects: number;
}

function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt = '...') LOCATION 's3://...' ...` */
export function addPartitionStatement(table: string, partitions: HivePartition[]): string {
  const clauses = partitions.map(
    (partition) =>
      `PARTITION (dt = ${quoted(partition.dt)}) LOCATION ${quoted(partition.location)}`,
  );
  return `ALTER TABLE ${table} ADD IF NOT EXISTS ${clauses.join(" ")}`;
}

interface TablePartitions {
  /** dt → partition (one per dt: the first object's folder) */
  byDt: Map<string, HivePartition>;
  messageIds: Set<string>;
}

export async function addPartitionsForMessages(
  messages: QueueMessage[],
  options: PartitionerOptions,
): Promise<PartitionerResult> {
  const { logger } = options;
  const tables = new Map<string, TablePartitions>();
  let skippedObjects = 0;
  for (const message of messages) {
    const content = objectsInNotification(message.body);
    if (content.kind === "test_event") continue;
    if (content.kind === "malformed") {
      // Redelivery cannot fix a malformed body: log it and let it go.
      logger.error("skipping a message that is not an S3 notification", {
        messageId: message.messageId,
        reason: content.reason,
      });
      continue;
    }
    for (const object of content.objects) {
      const found = partitionOfObject(object.bucket, object.key, options.knownTables);
      if (found.kind === "skip") {
        skippedObjects++;
        logger.warn("object belongs to no partition, skipped", { ...object, reason: found.reason });
        continue;
      }
      const { partition } = found;
      let entry = tables.get(partition.table);
      if (!entry) {
        entry = { byDt: new Map(), messageIds: new Set() };
        tables.set(partition.table, entry);
      }
      if (!entry.byDt.has(partition.dt)) entry.byDt.set(partition.dt, partition);
      entry.messageIds.add(message.messageId);
    }
  }

  const failed = new Set<string>();
  const added: Record<string, string[]> = {};
  const names = [...tables.keys()].sort();
  const outcomes = await Promise.allSettled(
    names.map((table) => {
      const partitions = [...tables.get(table)!.byDt.values()].sort((a, b) =>
        a.dt.localeCompare(b.dt),
      );
      return options.run(addPartitionStatement(table, partitions));
    }),
  );
  outcomes.forEach((outcome, index) => {
    const table = names[index];
    const entry = tables.get(table)!;
    const dts = [...entry.byDt.keys()].sort();
    if (outcome.status === "fulfilled") {
      added[table] = dts;
      logger.info("partitions added", { table, partitions: dts });
      return;
    }
    for (const id of entry.messageIds) failed.add(id);
    logger.error("adding partitions failed; their messages will be retried", {
      table,
      partitions: dts,
      error: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason),
    });
  });
  const failedMessageIds = messages.map((m) => m.messageId).filter((id) => failed.has(id));
  return { failedMessageIds, added, skippedObjects };
}
