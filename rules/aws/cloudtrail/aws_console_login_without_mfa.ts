import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_console_login_without_mfa = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1078.004"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Console login without MFA by ${actorOf(event)} from ${String(event.sourceIPAddress)}`;
    },
    description:
      "An IAM user signed in to the console with a password only. Federated (SSO) logins are " +
      "not counted: their MFA happens at the identity provider.",
    runbook: "Require MFA for the user; if the login was unexpected, reset the password.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "ConsoleLogin" &&
      event.userIdentity?.type === "IAMUser" &&
      objectAt(event.responseElements).ConsoleLogin === "Success" &&
      objectAt(event.additionalEventData).MFAUsed !== "Yes"
    );
  },
);
