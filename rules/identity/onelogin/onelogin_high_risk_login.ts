import { rule } from "../../../functions/shared/rules";

/** OneLogin event type USER_LOGGED_INTO_ONELOGIN. */
const USER_LOGGED_IN = 5;
/** OneLogin risk scores run 0–100; 50 and above is its "high" band. */
const HIGH_RISK = 50;

export const onelogin_high_risk_login = rule(
  {
    logs: ["onelogin:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1078"],
    title: (rec) =>
      `High-risk OneLogin login by ${String(rec.user_name)} from ${String(rec.ipaddr)} (risk ${String(rec.risk_score)})`,
    description:
      "A user logged in to OneLogin with a high risk score (new location, device or anonymizer).",
  },
  (rec) => rec.event_type_id === USER_LOGGED_IN && Number(rec.risk_score ?? 0) >= HIGH_RISK,
);
