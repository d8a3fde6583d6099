// The checks every HTTP output with a stored `url` credential makes before sending: credentials
// were loaded, and the URL is http(s) with a host. Messages name the key, never its value.
import { OutputConfigError } from "./errors";
import type { DispatchRequest } from "./types";

/** The request's credentials, or a configuration error naming the service. */
export function loadedCredentials(
  service: string,
  request: DispatchRequest,
): Record<string, string> {
  if (!request.credentials) throw new OutputConfigError(`${service}: no credentials were loaded`);
  return request.credentials;
}

/** The trimmed `url` credential; `expected` describes what to store, e.g. "the server's base URL (https://<host>)". */
export function credentialUrl(
  service: string,
  credentials: Record<string, string>,
  expected: string,
): string {
  const url = (credentials.url ?? "").trim();
  if (!/^https?:\/\/[^/\s]+/i.test(url)) {
    throw new OutputConfigError(
      `${service}: credential "url" is not an http(s) URL; store ${expected} with \`streamalert output set ${service}\``,
    );
  }
  return url;
}
