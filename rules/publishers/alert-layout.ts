// Generic publishers that shape what an output sends: a short summary, the rule's details, the
// whole record, and selected record fields (StreamAlert's community slack/pagerduty layouts).
import { getFirstKey, type PublishedAlert } from "../../functions/shared/rules";

/** Replaces the publication with a one-line summary: title (or rule name) and record source. */
export function summary(alert: PublishedAlert, publication: PublishedAlert): PublishedAlert {
  const headline = String(alert.title ?? `Rule triggered: ${String(alert.rule_name)}`);
  return {
    ...publication,
    "@summary": `${headline} (${String(alert.log_type)} from ${String(alert.source_entity)})`,
  };
}

/** Adds the rule's name, description, severity and runbook. */
export function attach_rule_info(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  return {
    ...publication,
    "@rule_info": {
      name: alert.rule_name,
      description: alert.rule_description,
      severity: alert.severity ?? "unset",
      runbook: alert.runbook ?? "",
    },
  };
}

/** Adds the full triggering record. */
export function attach_full_record(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  return { ...publication, record: alert.record };
}

/**
 * Keeps only the record fields named in the rule context's `populate_fields` (searched at any
 * depth), so a pager shows what matters instead of the whole record.
 */
export function populate_fields(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const context = alert.context as Record<string, unknown> | undefined;
  const fields = Array.isArray(context?.populate_fields) ? context.populate_fields : [];
  const populated: Record<string, unknown> = {};
  for (const field of fields) {
    if (typeof field === "string") populated[field] = getFirstKey(alert.record, field, null);
  }
  return { ...publication, "@populated_fields": populated };
}
