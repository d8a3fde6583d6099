// Matchers for osquery results (StreamAlert's OsqueryMatcher).
import { matcher } from "../../functions/shared/rules";
import { objectAt } from "../helpers/nested";

/** `last` table type for a user login (utmp USER_PROCESS). */
const LOGIN_EVENT_TYPE = 7;
/** `last` rows whose username is a system pseudo-user, not a person. */
const PSEUDO_USERS = new Set(["", "LOGIN", "reboot", "shutdown", "runlevel"]);

/** A row added to a query's results (differential logs). */
export const osquery_added = matcher((rec) => rec.action === "added");

/**
 * A user login seen by the `last` query of osquery's incident-response pack
 * (/usr/share/osquery/packs/incident-response.conf); change the pack name if yours differs.
 */
export const osquery_user_login = matcher((rec) => {
  const columns = objectAt(rec, "columns");
  return (
    rec.name === "pack_incident-response_last" &&
    Number(columns.type) === LOGIN_EVENT_TYPE &&
    !PSEUDO_USERS.has(String(columns.username ?? ""))
  );
});
