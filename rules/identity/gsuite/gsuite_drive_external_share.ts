import { rule } from "../../../functions/shared/rules";
import {
  applicationOf,
  eventsOf,
  isExternalEmail,
  parameter,
  type WorkspaceEvent,
} from "../../helpers/gsuite";
import { objectAt } from "../../helpers/nested";

const PUBLIC_VISIBILITY = new Set(["people_with_link", "public_on_the_web"]);

function sharesOutside(event: WorkspaceEvent): boolean {
  if (event.name === "change_user_access") return isExternalEmail(parameter(event, "target_user"));
  if (event.name === "change_document_visibility") {
    return PUBLIC_VISIBILITY.has(String(parameter(event, "visibility")));
  }
  return false;
}

export const gsuite_drive_external_share = rule(
  {
    logs: ["gsuite:reports"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1567"],
    title: (rec) => {
      const share = eventsOf(rec).find(sharesOutside);
      const doc = share ? parameter(share, "doc_title") : undefined;
      return `Drive file "${String(doc)}" shared outside the company by ${String(objectAt(rec, "actor").email)}`;
    },
    description:
      "A Drive file was shared with an external account, or made visible to anyone with the " +
      "link or the whole web (company domains in rules/helpers/gsuite.ts).",
  },
  (rec) => applicationOf(rec) === "drive" && eventsOf(rec).some(sharesOutside),
);
