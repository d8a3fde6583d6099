import type { SSMProvider } from "@aws-lambda-powertools/parameters/ssm";

/** Reads one secret parameter's text; undefined when it does not exist. */
export interface CredentialProvider {
  get(parameterName: string): Promise<string | undefined>;
}

/** Where `streamalert output set` stores an output's secrets (SPEC §5). */
export function credentialParameterName(prefix: string, service: string, descriptor: string) {
  return `/${prefix}/streamalert/outputs/${service}/${descriptor}`;
}

/** Seconds a decrypted secret is reused by a warm processor before it is read again. */
export const CREDENTIAL_CACHE_SECONDS = 300;

/** SSM SecureString parameters, decrypted, cached by Powertools between invocations. */
export function createSsmCredentialProvider(
  provider: SSMProvider,
  maxAgeSeconds = CREDENTIAL_CACHE_SECONDS,
): CredentialProvider {
  return {
    async get(parameterName) {
      return provider.get(parameterName, { decrypt: true, maxAge: maxAgeSeconds });
    },
  };
}

/** Tests and the local runner: parameters from a map. */
export function createMapCredentialProvider(
  parameters: Record<string, string>,
): CredentialProvider {
  return {
    async get(parameterName) {
      return Object.hasOwn(parameters, parameterName) ? parameters[parameterName] : undefined;
    },
  };
}

/** An output's credentials are missing or unusable; the message names the parameter only. */
export class CredentialError extends Error {
  override name = "CredentialError";
}

/**
 * The credentials of one output: the parameter must hold a JSON object with every required key
 * as a non-empty string. Errors name the parameter and the missing keys, never a value.
 */
export async function loadCredentials(
  provider: CredentialProvider,
  parameterName: string,
  requiredKeys: readonly string[],
): Promise<Record<string, string>> {
  let text: string | undefined;
  try {
    text = await provider.get(parameterName);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CredentialError(
      `credentials parameter ${parameterName} could not be read: ${reason}`,
    );
  }
  if (text === undefined || text === "") {
    throw new CredentialError(
      `credentials parameter ${parameterName} does not exist; store it with \`streamalert output set\``,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CredentialError(`credentials parameter ${parameterName} is not a JSON object`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CredentialError(`credentials parameter ${parameterName} is not a JSON object`);
  }
  const credentials: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && value !== undefined) {
      credentials[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  const missing = requiredKeys.filter((key) => !credentials[key]);
  if (missing.length > 0) {
    throw new CredentialError(`credentials parameter ${parameterName} lacks ${missing.join(", ")}`);
  }
  return credentials;
}
