// Why an app run stopped. Every message names the app function and what to fix; none carries a
// secret (auth values are never echoed, vendor answers are cut short).

/** Configuration is missing or malformed: the app type, its auth parameter or the schedule. */
export class AppConfigError extends Error {
  override name = "AppConfigError";
}

/** The vendor API refused or failed a request; the run is marked failed and retried next time. */
export class AppApiError extends Error {
  override name = "AppApiError";
}

/** The state parameter could not be read or written. */
export class AppStateError extends Error {
  override name = "AppStateError";
}
