// Resource names and ARNs of StreamAlert, computed from the configuration. Cluster stacks refer
// to global resources by these (names are fixed by StreamAlert, so no cross-stack outputs).
import type { StreamAlertConfig } from "../../functions/shared/config/types";

export interface AccountContext {
  prefix: string;
  region: string;
  accountId: string;
}

export function accountContext(config: StreamAlertConfig): AccountContext {
  const { prefix, region, aws_account_id } = config.global.account;
  return { prefix, region, accountId: aws_account_id };
}

export const globalNames = (prefix: string) => ({
  alertsTable: `${prefix}_streamalert_alerts`,
  rulesTable: `${prefix}_streamalert_rules`,
  classifiedQueue: `${prefix}_streamalert_classified_logs`,
  classifiedDeadLetterQueue: `${prefix}_streamalert_classified_logs_dlq`,
  monitoringTopic: `${prefix}_streamalert_monitoring`,
  secretsKeyAlias: `alias/${prefix}_streamalert_secrets`,
  dataKeyAlias: `alias/${prefix}_streamalert_data`,
  rulesEngine: `${prefix}_streamalert_rules_engine`,
  alertMerger: `${prefix}_streamalert_alert_merger`,
  alertProcessor: `${prefix}_streamalert_alert_processor`,
  athenaPartitioner: `${prefix}_streamalert_athena_partitioner`,
  alertsFirehose: `${prefix}_streamalert_alert_delivery`,
  dataBucket: `${prefix}-streamalert-data`,
  athenaResultsBucket: `${prefix}-streamalert-athena-results`,
  athenaDatabase: `${prefix}_streamalert`,
  threatIntelTable: `${prefix}_streamalert_threat_intel_downloader`,
});

export function classifierName(prefix: string, cluster: string): string {
  return `${prefix}_${cluster}_streamalert_classifier`;
}

export function arn(ctx: AccountContext, service: string, resource: string): string {
  return `arn:aws:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

export function monitoringTopicName(config: StreamAlertConfig): string {
  return (
    config.global.infrastructure.monitoring?.sns_topic_name ??
    globalNames(config.global.account.prefix).monitoringTopic
  );
}
