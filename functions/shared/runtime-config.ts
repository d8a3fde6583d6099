import { loadConfig, parseConfig, type RawConfigFiles } from "./config";
import type { StreamAlertConfig } from "./config/types";
import { logger } from "./logger";

/**
 * The configuration a function runs with, loaded once per cold start. The build embeds the raw
 * `conf/` and `schemas/` files into each bundle and calls `setRuntimeConfigFiles` before the
 * handler runs; otherwise (tests, the local runner) it is read from STREAMALERT_CONFIG_DIR
 * (default "conf").
 */
let embeddedFiles: RawConfigFiles | undefined;
let cached: StreamAlertConfig | undefined;

export function setRuntimeConfigFiles(files: RawConfigFiles): void {
  embeddedFiles = files;
  cached = undefined;
}

export function getRuntimeConfig(): StreamAlertConfig {
  if (cached) return cached;
  const { config, warnings } = embeddedFiles
    ? parseConfig(embeddedFiles)
    : loadConfig(process.env.STREAMALERT_CONFIG_DIR ?? "conf");
  for (const warning of warnings) logger.warn("configuration warning", { warning });
  cached = config;
  return config;
}

/** Forget the loaded configuration (tests that switch configurations). */
export function resetRuntimeConfig(): void {
  embeddedFiles = undefined;
  cached = undefined;
}
