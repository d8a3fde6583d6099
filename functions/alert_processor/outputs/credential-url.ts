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

/**
 * The trimmed `url` credential, an http(s) URL with a host; `expected` describes what to store,
 * e.g. "the server's base URL (https://<host>)". With the descriptor, the fix names it.
 */
export function credentialUrl(
  service: string,
  credentials: Record<string, string>,
  expected: string,
  descriptor?: string,
): string {
  const url = (credentials.url ?? "").trim();
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/i.test(url)) {
    const output = descriptor === undefined ? service : `${service}:${descriptor}`;
    const command =
      descriptor === undefined
        ? `streamalert output set ${service}`
        : `streamalert output set ${service} --descriptor ${descriptor} --update`;
    throw new OutputConfigError(
      `${output}: credential "url" is not an http(s) URL; store ${expected} with \`${command}\``,
    );
  }
  return url;
}
