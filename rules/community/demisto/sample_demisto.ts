import { rule } from "../../../functions/shared/rules";
import { demisto_classification } from "../../publishers/demisto";

/** Example only: a rule that classifies its Demisto incident through a publisher. */
export const sample_demisto = rule(
  {
    logs: ["osquery:differential"],
    outputs: ["slack:security-noise"],
    publishers: [demisto_classification],
    context: {
      demisto: {
        incident_type: "My sample type",
        playbook: "A Playbook",
        severity: "informational",
      },
    },
    severity: "info",
    title: (rec) => `Demisto sample alert from ${String(rec.hostIdentifier)}`,
    description: "Example of writing a Demisto alert, classified by a publisher.",
  },
  (rec) => rec.hostIdentifier === "sample_demisto",
);
