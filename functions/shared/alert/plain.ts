import type { PublishedAlert } from "../rules/types";
import type { Alert } from "./alert";
import { formatAlertTime } from "./timestamps";

/**
 * The alert as publishers and outputs see it: StreamAlert's `output_dict` keys (kept stable:
 * Athena's `alerts` table and downstream consumers read them) plus the new rule metadata.
 */
export function toPlainAlert(alert: Alert): PublishedAlert {
  const plain: PublishedAlert = {
    cluster: alert.cluster,
    context: alert.context,
    created: formatAlertTime(alert.created),
    id: alert.alertId,
    log_source: alert.logSource,
    log_type: alert.logType,
    outputs: [...alert.outputs].sort(),
    publishers: alert.publishers,
    record: alert.record,
    rule_description: alert.ruleDescription,
    rule_name: alert.ruleName,
    source_entity: alert.sourceEntity,
    source_service: alert.sourceService,
    staged: alert.staged,
  };
  if (alert.severity) plain.severity = alert.severity;
  if (alert.title) plain.title = alert.title;
  if (alert.tags && alert.tags.length > 0) plain.tags = alert.tags;
  if (alert.runbook) plain.runbook = alert.runbook;
  return plain;
}
