import { rule, validIp } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

const IP_BLOCKLIST = new Set(["222.173.190.239"]);

export const packetbeat_blacklisted_ip = rule(
  {
    logs: ["packetbeat:flow"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1071"],
    title: (rec) =>
      `Connection from ${String(objectAt(rec, "source").ip)} to blocked IP ${String(objectAt(rec, "dest").ip)}`,
    description: "A network connection to a blocklisted IP address.",
    runbook: "Review the host's traffic logs.",
  },
  (rec) =>
    validIp(objectAt(rec, "source").ip) && IP_BLOCKLIST.has(String(objectAt(rec, "dest").ip)),
);
