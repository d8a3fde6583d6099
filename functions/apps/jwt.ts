// RS256 JSON Web Tokens for the service-account logins (Google, Box): header and claims as
// base64url JSON, signed with the account's RSA private key (PEM, optionally encrypted).
import { createPrivateKey, sign } from "node:crypto";
import { AppConfigError } from "./errors";

export interface JwtKey {
  /** PEM text: PKCS#8 or PKCS#1, plain or encrypted */
  pem: string;
  passphrase?: string;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

export function signJwtRs256(
  key: JwtKey,
  claims: Record<string, unknown>,
  header: Record<string, string> = {},
  what = "the key file",
): string {
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey({ key: key.pem, format: "pem", passphrase: key.passphrase });
  } catch (error) {
    throw new AppConfigError(
      `the private key in ${what} cannot be read (${(error as Error).message}); store the key file again with streamalert app update-auth`,
    );
  }
  const signingInput = `${base64url(JSON.stringify({ alg: "RS256", typ: "JWT", ...header }))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign("sha256", Buffer.from(signingInput), privateKey);
  return `${signingInput}.${base64url(signature)}`;
}
