import { rule } from "../../../functions/shared/rules";

export const duo_anonymous_ip_failure = rule(
  {
    logs: ["duo:authentication"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1090.003", "T1078"],
    title: (rec) =>
      `Duo denied ${String(rec.username)}: login from an anonymous IP ${String(rec.ip)}`,
    description:
      "Duo denied an authentication because it came from an anonymous network (Tor, proxy).",
    runbook: "Ask the user whether they use an anonymizing network; if not, reset their password.",
  },
  (rec) => rec.result === "FAILURE" && rec.reason === "Anonymous IP",
);
