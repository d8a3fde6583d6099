// `streamalert run`: the real cores in one process — classifier → SQS → rules engine → alerts
// table → alert merger → alert processor → outputs — on emulators started on 127.0.0.1 for the
// run and stopped after it (dynalite, s3rver, local-aws-sqs). Nothing is reused between runs.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createClassifier } from "../../../functions/classifier/classifier";
import { loadConfig } from "../../../functions/shared/config";
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import { logger as sharedLogger } from "../../../functions/shared/logger";
import { setLookupTableReader } from "../../../functions/shared/rules/lookup-tables";
import { deliverAlerts } from "./alert-delivery";
import { type ClassificationRun, classifyFile } from "./classify-inputs";
import { startEmulators } from "./emulators";
import { InputError, selectInputFiles } from "./input-files";
import { createLocalOutputs } from "./local-outputs";
import { createLocalResources } from "./local-resources";
import { createLocalRulesEngine } from "./local-rules-engine";
import { createProgress, NO_PROGRESS } from "./progress";
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

  const emulators = await startEmulators(["dynamodb", "s3", "sqs"]).catch(async (error) => {
    await selection.cleanup();
    throw error;
  });
  // the functions' own JSON log lines would drown the summary; their errors are collected
  const previousLevel = sharedLogger.getLevelName();
  sharedLogger.setLogLevel("SILENT");
  const log: RunLog = { failedParses: [], unread: [], problems: [] };
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
    const run: ClassificationRun = {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
