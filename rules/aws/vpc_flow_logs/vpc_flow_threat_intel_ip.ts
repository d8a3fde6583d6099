import { iocValues, rule } from "../../../functions/shared/rules";
import { flowLogFields } from "../../helpers/flow-log";

export const vpc_flow_threat_intel_ip = rule(
  {
    logs: [
      "cloudwatch:flow_logs",
      "vpc_flow_logs:v2",
      "vpc_flow_logs:v3",
      "vpc_flow_logs:v4",
      "vpc_flow_logs:v5",
    ],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1071"],
    title: (rec) =>
      `Accepted traffic with threat-intel IP ${iocValues(rec, "ip").join(", ")} on ${String(flowLogFields(rec).interfaceId)}`,
    description:
      "VPC flow logs show accepted traffic to or from an IP address listed in threat intel " +
      "(needs threat intel enabled for the cluster).",
    runbook: "Find the workload behind the network interface and check it for compromise.",
  },
  (rec) => flowLogFields(rec).action === "ACCEPT" && iocValues(rec, "ip").length > 0,
);
