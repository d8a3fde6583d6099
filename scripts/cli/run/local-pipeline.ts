// `streamalert run`: the real cores in one process — classifier → SQS → rules engine → alerts
// table → alert merger → alert processor → outputs — on emulators started on 127.0.0.1 for the
// run and stopped after it (dynalite, s3rver, local-aws-sqs). Nothing is reused between runs.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { type ClassifierCore, createClassifier } from "../../../functions/classifier/classifier";
import { SdkS3ObjectReader } from "../../../functions/classifier/inputs";
import { InMemoryClassifierMetrics } from "../../../functions/classifier/metrics";
import { processEvent } from "../../../functions/classifier/process-event";
import { SqsRecordSender } from "../../../functions/classifier/senders/sqs";
import type { RecordSender } from "../../../functions/classifier/senders/types";
import type { RulesEngine } from "../../../functions/rules_engine/engine";
import { loadConfig } from "../../../functions/shared/config";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import { logger as sharedLogger } from "../../../functions/shared/logger";
import { setLookupTableReader } from "../../../functions/shared/rules/lookup-tables";
import { deliverAlerts } from "./alert-delivery";
import { classifierEvents } from "./classifier-events";
import { startEmulators } from "./emulators";
import { InputError, type InputFile, selectInputFiles } from "./input-files";
import { createLocalOutputs } from "./local-outputs";
import { createLocalResources, type LocalResources } from "./local-resources";
import { createLocalRulesEngine } from "./local-rules-engine";
import { createProgress, NO_PROGRESS, type Progress } from "./progress";
import { loadRulesDir } from "./rule-sources";
import { collectingLogger, type RunLog } from "./run-log";
import type { RunSummary } from "./summary";

export interface LocalRunOptions {
  cluster: string;
  /** a file, a folder (read recursively) or "-" for stdin */
  input: string;
  service?: string;
  source?: string;
  /** @default "conf" */
  configDir?: string;
  /** @default "rules" */
  rulesDir?: string;
  /** @default "build/run" */
  outputDir?: string;
  /** send to the real outputs instead of local files */
  liveOutputs?: boolean;
  stdin?: NodeJS.ReadableStream;
}

export interface LocalRunIo {
  /** alert lines as they are delivered (stdout) */
  write(line: string): void;
  /** where the progress bar is drawn (stderr); drawn only when it is a terminal */
  progressStream?: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean; columns?: number };
}

/** A problem with the options, the config or the input: nothing was run. */
export class RunSetupError extends Error {
  override name = "RunSetupError";
}

export async function runLocalPipeline(
  options: LocalRunOptions,
  io: LocalRunIo,
): Promise<RunSummary> {
  const started = Date.now();
  const configDir = options.configDir ?? "conf";
  const outputDir = options.outputDir ?? join("build", "run");
  let config: StreamAlertConfig;
  try {
    config = loadConfig(configDir).config;
  } catch (error) {
    throw new RunSetupError(`cannot load the config from ${configDir}: ${messageOf(error)}`);
  }
  if (!Object.hasOwn(config.clusters, options.cluster)) {
    const known = Object.keys(config.clusters).sort().join(", ") || "none";
    throw new RunSetupError(
      `cluster "${options.cluster}" is not configured in ${configDir}/clusters (clusters: ${known}); pass --cluster <name>`,
    );
  }
  let selection: Awaited<ReturnType<typeof selectInputFiles>>;
  try {
    selection = await selectInputFiles({
      input: options.input,
      cluster: config.clusters[options.cluster],
      service: options.service,
      source: options.source,
      stdin: options.stdin,
    });
  } catch (error) {
    if (error instanceof InputError) throw new RunSetupError(error.message);
    throw error;
  }
  let rules: Awaited<ReturnType<typeof loadRulesDir>>;
  try {
    rules = await loadRulesDir(options.rulesDir ?? "rules");
    await mkdir(outputDir, { recursive: true }).catch((error: unknown) => {
      throw new Error(
        `cannot create the output folder ${outputDir} (--output-dir): ${messageOf(error)}`,
      );
    });
  } catch (error) {
    await selection.cleanup();
    throw new RunSetupError(messageOf(error));
  }

  // the functions' own JSON log lines would drown the summary; their errors are collected
  const previousLevel = sharedLogger.getLevelName();
  sharedLogger.setLogLevel("SILENT");
  const log: RunLog = { failedParses: [], unread: [], problems: [] };
  const emulators = await startEmulators(["dynamodb", "s3", "sqs"]);
  try {
    const resources = await createLocalResources(emulators, config, options.cluster);
    const classifier = createClassifier(config, options.cluster);
    const { engine, counts } = createLocalRulesEngine(
      config,
      rules.registry,
      emulators,
      resources,
      collectingLogger(log.problems),
    );
    const classified = new Map<string, number>();
    const totals = { records: 0, failed: 0, rulesEngineFailures: 0 };
    const totalBytes = selection.files.reduce((sum, file) => sum + file.bytes, 0);
    const progress = io.progressStream
      ? createProgress({ totalBytes, stream: io.progressStream })
      : NO_PROGRESS;
    const run: FileRun = {
      classifier,
      engine,
      resources,
      emulators,
      classified,
      totals,
      log,
      progress,
      queue: { sent: 0, processed: 0 },
      alertCount: () => [...counts.perRule.values()].reduce((a, b) => a + b, 0),
    };
    try {
      for (const file of selection.files) await classifyFile(file, config, run);
    } finally {
      progress.done();
    }

    const outputs = await createLocalOutputs(config, {
      outputDir,
      live: options.liveOutputs === true,
      write: io.write,
    });
    const delivery = await deliverAlerts({
      config,
      registry: rules.registry,
      publishers: rules.publishers,
      emulators,
      resources,
      outputs,
      // undelivered alerts are listed in the summary; the per-rule limit only means another
      // merger run, which the local run does at once
      logger: collectingLogger(log.problems, {
        ignore: [
          "Alert not sent",
          "Alert merger reached its per-rule limit; the rest wait for the next run",
        ],
      }),
    });
    return {
      cluster: options.cluster,
      files: selection.files.map((file) => ({
        label: file.label,
        source: `${file.source.service}/${file.source.resource}`,
      })),
      recordsRead: totals.records,
      classifiedPerLogType: classified,
      failedParses: totals.failed,
      failedSamples: log.failedParses,
      unreadInputs: log.unread,
      rulesEngineFailures: totals.rulesEngineFailures,
      alertsPerRule: counts.perRule,
      duplicateAlerts: counts.duplicates,
      mergedAlerts: delivery.mergedAlerts,
      deliveries: delivery.deliveries,
      undelivered: delivery.undelivered,
      redirected: outputs.redirected,
      outputDir,
      outputFiles: outputs.localFile.files(),
      problems: log.problems,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    setLookupTableReader(undefined);
    sharedLogger.setLogLevel(previousLevel);
    await emulators.stop();
    await selection.cleanup();
  }
}

interface FileRun {
  classifier: ClassifierCore;
  engine: RulesEngine;
  resources: LocalResources;
  emulators: Awaited<ReturnType<typeof startEmulators>>;
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
async function classifyFile(file: InputFile, config: StreamAlertConfig, run: FileRun) {
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
async function drainQueue(run: FileRun): Promise<void> {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
