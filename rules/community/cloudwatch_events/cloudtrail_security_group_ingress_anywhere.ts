import { getKeys, rule } from "../../../functions/shared/rules";
import { actorOf, cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const cloudtrail_security_group_ingress_anywhere = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["eventName", "requestParameters"] },
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1562.007"],
    title: (rec) => {
      const event = cloudWatchCloudTrailEvent(rec);
      const group = objectAt(event.requestParameters).groupId;
      return `Security group ${String(group)} opened to ingress from anywhere by ${actorOf(event)}`;
    },
    description: "A security group rule allows inbound traffic from anywhere (IPv4 or IPv6).",
    runbook: "Confirm the port must be reachable from the internet; otherwise revoke the rule.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    if (event.eventName !== "AuthorizeSecurityGroupIngress") return false;
    return (
      getKeys(event.requestParameters, "cidrIp").includes("0.0.0.0/0") ||
      getKeys(event.requestParameters, "cidrIpv6").includes("::/0")
    );
  },
);
