import { rule } from "../../../functions/shared/rules";
import { objectAt } from "../../helpers/nested";

export const okta_suspicious_login = rule(
  {
    logs: ["okta:logevents"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1078", "T1110"],
    title: (rec) =>
      `Okta flagged a suspicious sign-in for ${String(objectAt(rec, "actor").alternateId)} from ${String(objectAt(rec, "client").ipAddress)}`,
    description:
      "Okta ThreatInsight detected a threat, or flagged a sign-in as suspected (new device, " +
      "location or impossible travel), or the sign-in came through an anonymizing proxy.",
  },
  (rec) => {
    if (rec.eventType === "security.threat.detected") return true;
    if (rec.eventType !== "user.session.start") return false;
    const debugData = objectAt(rec, "debugContext", "debugData");
    return (
      String(debugData.threatSuspected) === "true" ||
      objectAt(rec, "securityContext").isProxy === true
    );
  },
);
