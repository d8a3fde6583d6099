import type { AwsClientOptions } from "../shared/aws/client-config";
import { logger } from "../shared/logger";
import { getRuntimeConfig } from "../shared/runtime-config";
import type { CredentialProvider } from "./credentials";
import { createOutputServices } from "./outputs";
import type { OutputService } from "./outputs/types";
import type { AlertProcessor, ProcessorResult } from "./processor";
import { buildPublisherRegistry, type PublisherRegistry } from "./publishers/registry";
import { publisherModules } from "./publishers/user-publishers";
import { createAwsAlertProcessor } from "./wiring";

export interface ProcessorDependencies {
  /** service name → implementation @default createOutputServices() (every output in outputs/) */
  outputServices?: Readonly<Record<string, OutputService>>;
  publishers?: PublisherRegistry;
  /** the local runner and tests point the SDK clients at emulators */
  clientOptions?: AwsClientOptions;
  credentials?: CredentialProvider;
}

let dependencies: ProcessorDependencies = {};
let processor: AlertProcessor | undefined;

/**
 * Overrides what the processor is built with (tests and the local runner: output services,
 * clients, credentials); the next invocation rebuilds it. Lambda needs none of it.
 */
export function setProcessorDependencies(next: ProcessorDependencies): void {
  dependencies = { ...dependencies, ...next };
  processor = undefined;
}

// Built once per cold start: config, publisher registry, SDK clients and the credential cache.
function coldStart(): AlertProcessor {
  logger.appendKeys({ function: "alert_processor" });
  const config = getRuntimeConfig();
  const outputServices =
    dependencies.outputServices ??
    createOutputServices({
      clientOptions: dependencies.clientOptions,
      accountId: config.global.account.aws_account_id,
    });
  return createAwsAlertProcessor(config, {
    outputServices,
    publishers: dependencies.publishers ?? buildPublisherRegistry(publisherModules),
    clientOptions: dependencies.clientOptions,
    credentials: dependencies.credentials,
  });
}

/** Invoked asynchronously by the alert merger with an alert item or its key. */
export async function handler(event: Record<string, unknown>): Promise<ProcessorResult> {
  processor ??= coldStart();
  return processor.process(event);
}
