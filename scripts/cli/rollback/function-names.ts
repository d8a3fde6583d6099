// The deployed Lambda function names behind `rollback --function <key>`, computed from conf/
// exactly as modules/ names and enables them (a function the configuration does not deploy has
// no name here).
import type { StreamAlertConfig } from "../../../functions/shared/config/types";
import { classifierName, globalNames } from "../../../modules/shared/names";
import { CliUsageError } from "../shared/command-action";

export const FUNCTION_KEYS = [
  "classifier",
  "rules_engine",
  "alert_merger",
  "alert_processor",
  "athena_partitioner",
  "apps",
  "rule_promotion",
  "scheduled_queries",
  "threat_intel_downloader",
] as const;

export type FunctionKey = (typeof FUNCTION_KEYS)[number];

// StreamAlert's `manage.py rollback --function` values, so habits carry over.
const STREAMALERT_NAMES: Record<string, FunctionKey> = {
  rule: "rules_engine",
  alert: "alert_processor",
  athena: "athena_partitioner",
};

/** The keys the user asked for (`all` = every key); an unknown name is a usage error. */
export function parseFunctionKeys(values: readonly string[]): FunctionKey[] {
  if (values.includes("all")) return [...FUNCTION_KEYS];
  const keys = values.map((value) => {
    const key = STREAMALERT_NAMES[value] ?? value;
    if (!(FUNCTION_KEYS as readonly string[]).includes(key)) {
      throw new CliUsageError(
        `unknown function ${JSON.stringify(value)}: use ${FUNCTION_KEYS.join(", ")} or all`,
      );
    }
    return key as FunctionKey;
  });
  return [...new Set(keys)];
}

/** Why a function is not deployed, naming the setting that turns it on. */
const NOT_DEPLOYED: Record<FunctionKey, string> = {
  classifier: "no cluster selected",
  rules_engine: "",
  alert_merger: "",
  alert_processor: "",
  athena_partitioner: "global.json infrastructure.firehose.enabled is not true",
  apps: "the selected clusters have no modules.streamalert_apps",
  rule_promotion:
    "it needs global.json infrastructure.rule_staging.enabled and lambda.json rule_promotion_config.enabled",
  scheduled_queries: "scheduled_queries.json enabled is not true",
  threat_intel_downloader:
    "it needs threat intel on and lambda.json threat_intel_downloader_config.enabled",
};

export function notDeployedReason(key: FunctionKey): string {
  return NOT_DEPLOYED[key];
}

/** The function names of one key for the given clusters ([] when the config does not deploy it). */
export function deployedFunctionNames(
  config: StreamAlertConfig,
  key: FunctionKey,
  clusters: readonly string[],
): string[] {
  const prefix = config.global.account.prefix;
  const names = globalNames(prefix);
  const infrastructure = config.global.infrastructure;
  switch (key) {
    case "classifier":
      return clusters.map((cluster) => classifierName(prefix, cluster));
    case "rules_engine":
      return [names.rulesEngine];
    case "alert_merger":
      return [names.alertMerger];
    case "alert_processor":
      return [names.alertProcessor];
    case "athena_partitioner":
      return infrastructure.firehose?.enabled ? [names.athenaPartitioner] : [];
    case "apps":
      return clusters.flatMap((cluster) => {
        const apps = config.clusters[cluster].modules.streamalert_apps;
        return typeof apps === "object" && apps !== null ? Object.keys(apps).sort() : [];
      });
    case "rule_promotion":
      return infrastructure.rule_staging?.enabled &&
        config.lambda.rule_promotion_config?.enabled === true
        ? [`${prefix}_streamalert_rule_promotion`]
        : [];
    case "scheduled_queries":
      return config.scheduledQueries?.enabled === true
        ? [`${prefix}_streamalert_scheduled_queries_runner`]
        : [];
    case "threat_intel_downloader": {
      const intelOn =
        config.threatIntel.enabled ||
        Object.values(config.clusters).some((cluster) => cluster.enable_threat_intel === true);
      return intelOn && config.lambda.threat_intel_downloader_config?.enabled === true
        ? [`${prefix}_streamalert_threat_intel_downloader`]
        : [];
    }
  }
}
