// Publishers for Demisto (Cortex XSOAR) incidents.
import type { PublishedAlert } from "../../functions/shared/rules";

/**
 * Copies the rule context's `demisto` settings onto the output's magic keys
 * (`{demisto: {playbook: "X"}}` → `"@demisto.playbook": "X"`) so a rule chooses the incident
 * type, playbook and severity.
 */
export function demisto_classification(
  alert: PublishedAlert,
  publication: PublishedAlert,
): PublishedAlert {
  const context = alert.context as Record<string, unknown> | undefined;
  const settings = context?.demisto;
  if (typeof settings !== "object" || settings === null) return publication;
  const classified: PublishedAlert = { ...publication };
  for (const [key, value] of Object.entries(settings)) classified[`@demisto.${key}`] = value;
  return classified;
}
