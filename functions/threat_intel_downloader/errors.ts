// Why a download stopped. Messages name what to fix and never carry the API key.

/** Credentials missing or malformed in SSM, or refused by ThreatStream (401). */
export class ThreatStreamCredentialsError extends Error {
  override name = "ThreatStreamCredentialsError";
}

/** ThreatStream answered with an error, or not at all, after the retries. */
export class ThreatStreamRequestError extends Error {
  override name = "ThreatStreamRequestError";
}
