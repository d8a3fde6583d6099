// The `@<service>.<field>` keys a publisher can set to shape what one output sends (SPEC §5).
// Outputs read them from the publication; every other service ignores them. Keys beyond the
// SPEC list are the ones StreamAlert's own PagerDuty layouts set (summary, severity, images).

export const OverrideKeys = {
  "aws-lambda": { alert_data: "@aws-lambda.alert_data" },
  "aws-sns": { topic: "@aws-sns.topic", message: "@aws-sns.message" },
  "aws-sqs": { message_data: "@aws-sqs.message_data" },
  "aws-ses": {
    subject: "@aws-ses.subject",
    attach_record: "@aws-ses.attach_record",
    attachments: "@aws-ses.attachments",
    body: "@aws-ses.body",
  },
  demisto: {
    incident_type: "@demisto.incident_type",
    severity: "@demisto.severity",
    owner: "@demisto.owner",
    details: "@demisto.details",
    incident_name: "@demisto.incident_name",
    label_data: "@demisto.label_data",
  },
  github: { title: "@github.title", body: "@github.body" },
  jira: { issue_summary: "@jira.issue_summary", description: "@jira.description" },
  pagerduty: {
    description: "@pagerduty.description",
    details: "@pagerduty.details",
    client_url: "@pagerduty.client_url",
    contexts: "@pagerduty.contexts",
  },
  "pagerduty-v2": {
    custom_details: "@pagerduty-v2.custom_details",
    summary: "@pagerduty-v2.summary",
    severity: "@pagerduty-v2.severity",
    images: "@pagerduty-v2.images",
  },
  "pagerduty-incident": {
    incident_title: "@pagerduty-incident.incident_title",
    note: "@pagerduty-incident.note",
    urgency: "@pagerduty-incident.urgency",
    incident_body: "@pagerduty-incident.incident_body",
  },
  slack: { text: "@slack.text", attachments: "@slack.attachments" },
  teams: {
    title: "@teams.title",
    description: "@teams.description",
    card_color: "@teams.card_color",
    with_record: "@teams.with_record",
    additional_card_sections: "@teams.additional_card_sections",
    buttons: "@teams.buttons",
  },
} as const;

/**
 * Where the Slack Summary layout keeps the publication it replaced, for AttachPublication and
 * AttachStringTemplate further down the chain. Not sent by the Slack output.
 */
export const SLACK_PREVIOUS_PUBLICATION = "@slack._previous_publication";

/** Whether a publication key is an override for some service (starts with `@`). */
export function isOverrideKey(key: string): boolean {
  return key.startsWith("@");
}

/** The publication without any `@service.field` override keys: what outputs send as data. */
export function withoutOverrideKeys(publication: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(publication)) {
    if (!isOverrideKey(key)) data[key] = value;
  }
  return data;
}
