import { endsWithAny, rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const packetbeat_dns_lookup = rule(
  {
    logs: ["packetbeat:dns"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1071.004"],
    title: (rec) => `DNS lookup of ${String(objectAt(rec, "dns", "question").name)}`,
    description: "A host looked up a subdomain of a blocklisted domain.",
    runbook: "Review the host's traffic logs.",
  },
  (rec) => endsWithAny(objectAt(rec, "dns", "question").name, [".evil.com."]),
);
