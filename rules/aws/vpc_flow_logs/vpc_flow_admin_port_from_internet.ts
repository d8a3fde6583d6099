import { inNetwork, rule } from "../../../functions/shared/rules";
import { flowLogFields } from "../../helpers/flow-log";

/** SSH, RDP, VNC and WinRM: never meant to be reachable from the internet. */
const ADMIN_PORTS = new Set(["22", "3389", "5900", "5985", "5986"]);
const PRIVATE_NETWORKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

export const vpc_flow_admin_port_from_internet = rule(
  {
    logs: [
      "cloudwatch:flow_logs",
      "vpc_flow_logs:v2",
      "vpc_flow_logs:v3",
      "vpc_flow_logs:v4",
      "vpc_flow_logs:v5",
    ],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1133", "T1021"],
    title: (rec) => {
      const flow = flowLogFields(rec);
      return `Port ${flow.destinationPort} on ${String(flow.interfaceId)} accepted traffic from ${String(flow.sourceAddress)}`;
    },
    description:
      "VPC flow logs show an administration port (SSH, RDP, VNC, WinRM) accepting traffic from " +
      "a public address: a security group is open to the internet.",
  },
  (rec) => {
    const flow = flowLogFields(rec);
    return (
      flow.action === "ACCEPT" &&
      ADMIN_PORTS.has(flow.destinationPort) &&
      !inNetwork(flow.sourceAddress, PRIVATE_NETWORKS)
    );
  },
);
