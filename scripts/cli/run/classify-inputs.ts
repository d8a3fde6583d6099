// The classifier → SQS → rules engine half of a local run: each input file becomes the Lambda
// events of its data source, the classifier's processEvent sends what it classifies to the queue
// on local-aws-sqs, and the queue is drained into the rules engine the way the SQS event source
// mapping feeds it in AWS.
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import type { ClassifierCore } from "../../../functions/classifier/classifier";
import { SdkS3ObjectReader } from "../../../functions/classifier/inputs";
import { InMemoryClassifierMetrics } from "../../../functions/classifier/metrics";
import { processEvent } from "../../../functions/classifier/process-event";
import { SqsRecordSender } from "../../../functions/classifier/senders/sqs";
import type { RecordSender } from "../../../functions/classifier/senders/types";
import type { RulesEngine } from "../../../functions/rules_engine/engine";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import { classifierEvents } from "./classifier-events";
import type { Emulators } from "./emulators";
import type { InputFile } from "./input-files";
import type { LocalResources } from "./local-resources";
import type { Progress } from "./progress";
import { collectingLogger, type RunLog } from "./run-log";

export interface ClassificationRun {
  classifier: ClassifierCore;
  engine: RulesEngine;
  resources: LocalResources;
  emulators: Emulators;
  classified: Map<string, number>;
  totals: { records: number; failed: number; rulesEngineFailures: number };
  log: RunLog;
  progress: Progress;
  /** records sent to the classified-records queue, and seen by the rules engine */
  queue: { sent: number; processed: number };
  alertCount(): number;
}

/**
 * The queue is drained (the rules engine run) once this many records wait in it, and after each
 * file: often enough to keep the emulator small, seldom enough that its per-call latency (a
 * receive of fewer than 10 messages waits tens of milliseconds) does not dominate.
 */
const DRAIN_EVERY_RECORDS = 5000;

/** Empty receives in a row, while records are still expected, before the rest are given up. */
const MAX_EMPTY_RECEIVES = 3;

/** Classifier invocations for one file, the rules engine on what they queued. */
export async function classifyFile(
  file: InputFile,
  config: StreamAlertConfig,
  run: ClassificationRun,
) {
  const { emulators, resources, totals } = run;
  const s3 = new SdkS3ObjectReader(emulators.s3);
  const events = classifierEvents(file, {
    s3: emulators.s3,
    region: config.global.account.region,
    accountId: config.global.account.aws_account_id,
    onBytes: (bytes) => run.progress.update(bytes),
  });
  const logger = collectingLogger(run.log.problems, { file: file.label, log: run.log });
  for await (const event of events) {
    const metrics = new InMemoryClassifierMetrics();
    const sqs = countingSender(
      new SqsRecordSender({ client: emulators.sqs, queueUrl: resources.queueUrl, metrics, logger }),
      run.classified,
    );
    const result = await processEvent(event, {
      classifier: run.classifier,
      sqs,
      s3,
      metrics,
      logger,
    });
    totals.records += result.counts.records;
    totals.failed += result.counts.failed;
    run.queue.sent += metrics.get("SQSRecordsSent");
    const lost = result.failedSources.length + result.batchItemFailures.length;
    if (lost > 0)
      run.log.unread.push(`${file.label}: ${lost} input record(s) could not be handed on`);
    if (run.queue.sent - run.queue.processed >= DRAIN_EVERY_RECORDS) await drainQueue(run);
    run.progress.update(0, { records: totals.records, alerts: run.alertCount() });
  }
  await drainQueue(run);
  run.progress.update(0, { records: totals.records, alerts: run.alertCount() });
}

/**
 * The SQS event source mapping's job: receive, run the rules engine, delete. It stops when the
 * engine has seen every record the classifier sent, so no receive is wasted on an empty queue.
 */
async function drainQueue(run: ClassificationRun): Promise<void> {
  const { emulators, resources, queue } = run;
  let emptyReceives = 0;
  while (queue.processed < queue.sent) {
    const { Messages = [] } = await emulators.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: resources.queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) {
      if (++emptyReceives < MAX_EMPTY_RECEIVES) continue;
      run.log.problems.push(
        `error: ${queue.sent - queue.processed} classified record(s) sent to the queue never reached the rules engine`,
      );
      queue.processed = queue.sent;
      return;
    }
    emptyReceives = 0;
    const result = await run.engine.processMessages(
      Messages.map((message) => ({ messageId: message.MessageId ?? "", body: message.Body ?? "" })),
    );
    queue.processed += result.records;
    run.totals.rulesEngineFailures += result.batchItemFailures.length;
    // failed messages are deleted too: a local run does not wait for their redelivery, it
    // reports them
    await emulators.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: resources.queueUrl,
        Entries: Messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
  }
}

/** Counts what the classifier hands on, per log type, on its way to SQS. */
function countingSender(sender: RecordSender, perLogType: Map<string, number>): RecordSender {
  return {
    get failedSources() {
      return sender.failedSources;
    },
    async add(record, sourceId) {
      perLogType.set(record.log_schema_type, (perLogType.get(record.log_schema_type) ?? 0) + 1);
      await sender.add(record, sourceId);
    },
    flush: () => sender.flush(),
  };
}
