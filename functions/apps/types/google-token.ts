// A Google OAuth access token for a service account acting as a Workspace user (domain-wide
// delegation): an RS256 JWT assertion exchanged at the key file's token_uri.
import type { AppHttp } from "../app-http";
import { AppApiError, AppConfigError } from "../errors";
import { signJwtRs256 } from "../jwt";

export const GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

export interface GoogleServiceAccount {
  client_email: string;
  private_key: string;
  token_uri: string;
}

export function readServiceAccount(keyfile: Record<string, unknown>): GoogleServiceAccount {
  const { client_email: email, private_key: key, token_uri: tokenUri } = keyfile;
  if (typeof email !== "string" || typeof key !== "string") {
    throw new AppConfigError(
      "the Google keyfile has no client_email or private_key; store the service account's JSON key (not P12) with streamalert app update-auth",
    );
  }
  return {
    client_email: email,
    private_key: key,
    token_uri: typeof tokenUri === "string" ? tokenUri : GOOGLE_TOKEN_URI,
  };
}

export async function googleAccessToken(
  http: AppHttp,
  account: GoogleServiceAccount,
  subject: string,
  scope: string,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const assertion = signJwtRs256(
    { pem: account.private_key },
    {
      iss: account.client_email,
      sub: subject,
      scope,
      aud: account.token_uri,
      iat: issuedAt,
      exp: issuedAt + 3600,
    },
    {},
    "the Google keyfile",
  );
  const answer = await http.sendJson({
    url: account.token_uri,
    method: "POST",
    form: { grant_type: JWT_BEARER, assertion },
  });
  if (typeof answer.access_token !== "string") {
    throw new AppApiError("Google token answer has no access_token");
  }
  return answer.access_token;
}
