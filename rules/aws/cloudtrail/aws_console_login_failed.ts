import { rule } from "../../../functions/shared/rules";
import { actorOf, cloudTrailEvent } from "../../helpers/cloudtrail";
import { objectAt } from "../../helpers/nested";

export const aws_console_login_failed = rule(
  {
    logs: ["cloudtrail:events"],
    outputs: ["slack:security-noise"],
    mergeByKeys: ["sourceIPAddress"],
    mergeWindowMins: 60,
    severity: "low",
    tags: ["T1110"],
    title: (rec) => {
      const event = cloudTrailEvent(rec);
      return `Failed console login for ${actorOf(event)} from ${String(event.sourceIPAddress)}`;
    },
    description:
      "A console sign-in failed. Alerts from one source address are merged hourly so password " +
      "guessing shows as one alert with a count.",
  },
  (rec) => {
    const event = cloudTrailEvent(rec);
    return (
      event.eventName === "ConsoleLogin" &&
      objectAt(event.responseElements).ConsoleLogin === "Failure"
    );
  },
);
