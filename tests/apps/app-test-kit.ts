// Shared pieces of the app tests: a vendor stand-in on 127.0.0.1, an AppHttp pointed at it with
// millisecond backoff, polling a type to the end of its pages, and RSA keys and JWT checks for
// the service-account logins.
import { createPrivateKey, generateKeyPairSync, type KeyObject, verify } from "node:crypto";
import { type AppHttp, createAppHttp } from "../../functions/apps/app-http";
import type {
  AppAuth,
  AppContext,
  AppTypeDefinition,
  PollPage,
} from "../../functions/apps/types/app-type";

export {
  type Answer,
  type LocalServer,
  type Responder,
  type SeenRequest,
  startLocalServer,
} from "../alert_processor/outputs/local-server";

export function localHttp(type: string, url: string): AppHttp {
  return createAppHttp(type, {
    endpointOverride: url,
    baseDelayMs: 1,
    maxDelayMs: 5,
    timeoutMs: 2000,
  });
}

export interface PollOptions {
  auth: AppAuth;
  lastTimestamp: string | number;
  context?: AppContext;
  now?: Date;
  /** stop after this many pages (an invocation that ran out of time) */
  maxPages?: number;
}

/** Every page one invocation would fetch, in order. */
export async function pollAll(
  definition: AppTypeDefinition,
  serverUrl: string,
  options: PollOptions,
): Promise<PollPage[]> {
  const now = options.now ?? new Date("2026-11-28T16:00:00Z");
  const poller = definition.createPoller({
    auth: options.auth,
    lastTimestamp: options.lastTimestamp,
    context: options.context ?? {},
    http: localHttp(definition.type, serverUrl),
    now: () => now,
  });
  const pages: PollPage[] = [];
  for (;;) {
    const page = await poller.poll();
    pages.push(page);
    if (!page.more || pages.length >= (options.maxPages ?? 50)) return pages;
  }
}

let cachedKeys: { privatePem: string; publicKey: KeyObject } | undefined;

/** One RSA key pair for the whole test file (generation takes a moment). */
export function rsaKeys(): { privatePem: string; publicKey: KeyObject } {
  if (!cachedKeys) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    cachedKeys = {
      privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      publicKey,
    };
  }
  return cachedKeys;
}

/** An encrypted PKCS#8 PEM of the same key, as Box hands it out. */
export function encryptedPrivatePem(passphrase: string): string {
  const { privatePem } = rsaKeys();
  return createPrivateKey(privatePem)
    .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase })
    .toString();
}

/** The header and claims of an RS256 JWT, or an error when the signature does not verify. */
export function verifyJwt(
  token: string,
  publicKey: KeyObject = rsaKeys().publicKey,
): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims, signature] = token.split(".");
  const valid = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    publicKey,
    Buffer.from(signature, "base64url"),
  );
  if (!valid) throw new Error("JWT signature does not verify");
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()),
    claims: JSON.parse(Buffer.from(claims, "base64url").toString()),
  };
}

export const allLogs = (pages: PollPage[]) => pages.flatMap((page) => page.logs);
