import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

/** Command-and-control domains, fully qualified (trailing dot) as packetbeat logs them. */
const DNS_BLOCKLIST = new Set(["evil.com."]);

export const packetbeat_blacklisted_domain = rule(
  {
    logs: ["packetbeat:dns"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1071.004"],
    title: (rec) =>
      `DNS lookup of blocked domain ${String(objectAt(rec, "dns", "question").name)} from ${String(objectAt(rec, "client").ip ?? "")}`,
    description: "A host looked up a blocklisted (command-and-control) domain.",
    runbook: "Review the host's traffic logs.",
  },
  (rec) => DNS_BLOCKLIST.has(String(objectAt(rec, "dns", "question").name)),
);
