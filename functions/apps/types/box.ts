// box_admin_events: Box enterprise events (stream_type=admin_logs), oldest first, up to 500 a
// request. Server authentication with JWT: the app's key file (boxAppSettings.clientID,
// clientSecret, appAuth.publicKeyID, privateKey, passphrase; enterpriseID) signs an RS256
// assertion for the enterprise, exchanged at /oauth2/token. The first request of a run starts at
// `created_after` (the cursor); later ones follow `next_stream_position`, kept in the context
// while more remains. Events at the cursor instant already sent are skipped by id.
import { randomBytes } from "node:crypto";
import { AppApiError, AppConfigError } from "../errors";
import { signJwtRs256 } from "../jwt";
import { type AppTypeDefinition, authObject, type PollerInput, type PollPage } from "./app-type";

const TOKEN_URL = "https://api.box.com/oauth2/token";
const EVENTS_URL = "https://api.box.com/2.0/events";
const CHUNK_SIZE = 500;
const MAX_EVENT_IDS = 50;

interface BoxKeyFile {
  clientId: string;
  clientSecret: string;
  publicKeyId: string;
  privateKey: string;
  passphrase?: string;
  enterpriseId: string;
}

interface BoxContext {
  stream_position?: string;
  last_event_ids?: string[];
}

function readKeyFile(keyfile: Record<string, unknown>): BoxKeyFile {
  const settings = (keyfile.boxAppSettings ?? {}) as Record<string, unknown>;
  const appAuth = (settings.appAuth ?? {}) as Record<string, unknown>;
  const fields = {
    clientId: settings.clientID,
    clientSecret: settings.clientSecret,
    publicKeyId: appAuth.publicKeyID,
    privateKey: appAuth.privateKey,
    enterpriseId: keyfile.enterpriseID,
  };
  const missing = Object.entries(fields)
    .filter(([, value]) => typeof value !== "string" || value === "")
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new AppConfigError(
      `the Box keyfile lacks ${missing.join(", ")}; store the app's JWT config JSON (Developer Console > Configuration > Generate a Public/Private Keypair) with streamalert app update-auth`,
    );
  }
  return {
    ...(fields as Omit<BoxKeyFile, "passphrase">),
    passphrase: typeof appAuth.passphrase === "string" ? appAuth.passphrase : undefined,
  };
}

function createPoller({ auth, lastTimestamp, context, http, now }: PollerInput) {
  const key = readKeyFile(authObject(auth, "keyfile", "box_admin_events"));
  const saved = context as BoxContext;
  let position = saved.stream_position;
  let cursor = String(lastTimestamp);
  let idsAtCursor = new Set(saved.last_event_ids ?? []);
  let token: string | undefined;

  async function accessToken(): Promise<string> {
    if (token) return token;
    const issuedAt = Math.floor(now().getTime() / 1000);
    const assertion = signJwtRs256(
      { pem: key.privateKey, passphrase: key.passphrase },
      {
        iss: key.clientId,
        sub: key.enterpriseId,
        box_sub_type: "enterprise",
        aud: TOKEN_URL,
        jti: randomBytes(24).toString("hex"),
        // Box accepts at most 60 seconds
        exp: issuedAt + 45,
      },
      { kid: key.publicKeyId },
      "the Box keyfile",
    );
    const answer = await http.sendJson({
      url: TOKEN_URL,
      method: "POST",
      form: {
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion,
        client_id: key.clientId,
        client_secret: key.clientSecret,
      },
    });
    if (typeof answer.access_token !== "string") {
      throw new AppApiError("Box token answer has no access_token");
    }
    token = answer.access_token;
    return token;
  }

  return {
    async poll(): Promise<PollPage> {
      const bearer = await accessToken();
      const answer = await http.sendJson({
        url: EVENTS_URL,
        query: {
          stream_type: "admin_logs",
          limit: CHUNK_SIZE,
          // Box reads created_after only without a stream position
          ...(position ? { stream_position: position } : { created_after: cursor }),
        },
        headers: { Authorization: `Bearer ${bearer}` },
      });
      const entries = (Array.isArray(answer.entries) ? answer.entries : []) as Record<
        string,
        unknown
      >[];
      const logs = entries.filter((entry) => !idsAtCursor.has(String(entry.event_id)));
      for (const entry of logs) {
        const created = String(entry.created_at ?? "");
        if (!created) continue;
        if (created !== cursor) idsAtCursor = new Set();
        cursor = created;
        if (idsAtCursor.size < MAX_EVENT_IDS) idsAtCursor.add(String(entry.event_id));
      }
      const more = Number(answer.chunk_size ?? entries.length) >= CHUNK_SIZE;
      if (
        typeof answer.next_stream_position === "string" ||
        typeof answer.next_stream_position === "number"
      ) {
        position = String(answer.next_stream_position);
      }
      const next: BoxContext = { last_event_ids: [...idsAtCursor] };
      if (more && position) next.stream_position = position;
      return { logs, more, lastTimestamp: cursor, context: { ...next } };
    },
  };
}

export const BOX_ADMIN_EVENTS: AppTypeDefinition = {
  type: "box_admin_events",
  description: "Box enterprise admin events (Events API, stream_type=admin_logs)",
  authKeys: ["keyfile"],
  // Box's documented date form, e.g. 2017-11-01T00:29:51-00:00
  formatStart: (date: Date) => `${date.toISOString().slice(0, 19)}-00:00`,
  createPoller,
};
