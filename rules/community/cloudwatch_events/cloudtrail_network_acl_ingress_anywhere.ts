import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudWatchCloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const cloudtrail_network_acl_ingress_anywhere = rule(
  {
    logs: ["cloudwatch:events"],
    reqSubkeys: { detail: ["eventName", "requestParameters"] },
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1562.007"],
    title: (rec) => {
      const event = cloudWatchCloudTrailEvent(rec);
      const acl = objectAt(event.requestParameters).networkAclId;
      return `Network ACL ${String(acl)} opened to ingress from anywhere by ${actorOf(event)}`;
    },
    description: "A network ACL entry was created that allows inbound traffic from 0.0.0.0/0.",
    runbook: "Confirm the subnet must be reachable from the internet; otherwise delete the entry.",
  },
  (rec) => {
    const event = cloudWatchCloudTrailEvent(rec);
    if (event.eventName !== "CreateNetworkAclEntry") return false;
    const params = objectAt(event.requestParameters);
    return (
      params.cidrBlock === "0.0.0.0/0" && params.ruleAction === "allow" && params.egress === false
    );
  },
);
