import { containsAny, rule } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

/** Commands typical of download-and-run persistence. */
const SUSPICIOUS_COMMANDS = [
  "curl ",
  "wget ",
  "base64",
  "/dev/tcp/",
  "nc ",
  "python -c",
  "| sh",
  "|sh",
  "| bash",
];

export const osquery_crontab_changed = rule(
  {
    logs: ["osquery:differential"],
    matchers: ["osquery_added"],
    outputs: ["slack:security-alerts", "aws-sns:security-oncall"],
    severity: "high",
    tags: ["T1053.003"],
    title: (rec) =>
      `Suspicious cron job on ${String(rec.hostIdentifier)}: ${String(objectAt(rec, "columns").command)}`,
    description:
      "A cron job that downloads or pipes code into a shell was added (osquery crontab table).",
  },
  (rec) =>
    String(rec.name).endsWith("crontab") &&
    containsAny(objectAt(rec, "columns").command, SUSPICIOUS_COMMANDS),
);
