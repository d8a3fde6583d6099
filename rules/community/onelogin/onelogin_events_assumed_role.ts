import { rule } from "../../../functions/shared/rules";

/** OneLogin event type 3: a user assumed another user's identity. */
const ASSUMED_USER_EVENT = 3;

export const onelogin_events_assumed_role = rule(
  {
    logs: ["onelogin:events"],
    outputs: ["slack:security-alerts"],
    severity: "medium",
    tags: ["T1078"],
    title: (rec) =>
      `OneLogin: ${String(rec.actor_user_name)} assumed the identity of ${String(rec.user_name)}`,
    description: "A OneLogin user assumed another user's identity (role).",
  },
  (rec) => rec.event_type_id === ASSUMED_USER_EVENT,
);
