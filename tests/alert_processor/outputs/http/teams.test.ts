import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import {
  createTeamsOutput,
  TEAMS_CARD_MAX_BYTES,
} from "../../../../functions/alert_processor/outputs/teams";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import {
  closedPortUrl,
  failingFirst,
  inTurn,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";

const WEBHOOK_PATH =
  "/webhookb2/3f1a9c2e-0b7d-4e51-8a2f-6c9d0e1f2a3b@7e6d/IncomingWebhook/9a8b7c6d5e4f3a2b1c0d/1f2e";

interface Card {
  "@type": string;
  "@context": string;
  summary: string;
  title: string;
  text?: string;
  themeColor: string;
  sections?: Array<{ activityTitle?: string; facts?: Array<{ name: string; value: string }> }>;
  potentialAction?: Array<{ "@type": string; name: string; targets: Array<{ uri: string }> }>;
}

/** A Teams connector webhook: a MessageCard with a summary or text, answered "1". */
function teamsWebhook(request: SeenRequest) {
  if (request.method !== "POST" || request.path !== WEBHOOK_PATH) return { status: 404 };
  const card = request.json<Card>();
  if (card["@type"] !== "MessageCard" || !(card.summary || card.text)) {
    return { status: 400, text: "Summary or Text is required." };
  }
  return { status: 200, text: "1" };
}

describe("teams output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createTeamsOutput({ http: quickHttpClient() });
  const send = (options: Parameters<typeof dispatchRequest>[0] = {}) =>
    output().dispatch(
      dispatchRequest({ credentials: { url: `${server?.url}${WEBHOOK_PATH}` }, ...options }),
    );
  const cardOf = (index = 0) => server!.requests[index].json<Card>();

  it("posts a MessageCard: title, description, colour and the record as facts", async () => {
    server = await startLocalServer(teamsWebhook);
    await send({ alert: { record: { userName: "alice", detail: { mfa: false }, port: 22 } } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
    expect(cardOf()).toEqual({
      "@type": "MessageCard",
      "@context": "https://schema.org/extensions",
      summary: "StreamAlert Rule Triggered: console_login_without_mfa",
      title: "StreamAlert Rule Triggered: console_login_without_mfa",
      text: "A console login without MFA",
      themeColor: "E81123",
      sections: [
        {
          activityTitle: "StreamAlert Alert Record",
          facts: [
            { name: "userName", value: "alice" },
            { name: "detail", value: '{"mfa":false}' },
            { name: "port", value: "22" },
          ],
        },
      ],
    });
  });

  it("honours the @teams override keys", async () => {
    server = await startLocalServer(teamsWebhook);
    await send({
      publication: {
        "@teams.title": "MFA missing for alice",
        "@teams.description": "Call alice",
        "@teams.card_color": "#00FF00",
        "@teams.with_record": false,
        "@teams.additional_card_sections": [{ activityTitle: "Runbook", text: "Step 1" }],
        "@teams.buttons": [{ name: "Open runbook", url: "https://wiki.example/mfa" }],
      },
    });
    expect(cardOf()).toEqual({
      "@type": "MessageCard",
      "@context": "https://schema.org/extensions",
      summary: "MFA missing for alice",
      title: "MFA missing for alice",
      text: "Call alice",
      themeColor: "00FF00",
      sections: [{ activityTitle: "Runbook", text: "Step 1" }],
      potentialAction: [
        {
          "@type": "OpenUri",
          name: "Open runbook",
          targets: [{ os: "default", uri: "https://wiki.example/mfa" }],
        },
      ],
    });
  });

  it("shortens record values so the card stays under Teams' 28 KB", async () => {
    server = await startLocalServer(teamsWebhook);
    const record = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`field${index}`, "é".repeat(3000)]),
    );
    await send({ alert: { record } });
    expect(Buffer.byteLength(server.requests[0].body)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const facts = cardOf().sections?.[0].facts ?? [];
    expect(facts.map((fact) => fact.name)).toEqual(Object.keys(record));
    expect(facts.every((fact) => fact.value.endsWith(" …") && fact.value.startsWith("éé"))).toBe(
      true,
    );
  });

  it("fails when Teams answers 200 with an error text, retryable only for throttling", async () => {
    server = await startLocalServer(
      inTurn({
        status: 200,
        text: "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413",
      }),
    );
    const refused = await rejectionOf(send());
    expect(refused.message).toContain("Teams refused the card");
    expect((refused as OutputError).retryable).toBe(false);
    await server.close();
    server = await startLocalServer(
      inTurn({ status: 200, text: "Microsoft Teams endpoint returned HTTP error 429" }),
    );
    expect(((await rejectionOf(send())) as OutputError).retryable).toBe(true);
  });

  it("accepts a Workflows webhook's 202 without a body", async () => {
    server = await startLocalServer(() => ({ status: 202 }));
    await send();
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 and posts the card once; 400 is final", async () => {
    server = await startLocalServer(failingFirst([{ status: 500 }, { status: 502 }], teamsWebhook));
    await send();
    expect(server.requests).toHaveLength(3);
    await server.close();
    server = await startLocalServer(() => ({ status: 400, text: "Bad payload" }));
    const error = await rejectionOf(send());
    expect((error as OutputError).retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("never puts the webhook URL in its errors", async () => {
    server = await startLocalServer((request) => ({ status: 404, text: `No ${request.path}` }));
    const errors = [
      await rejectionOf(send()),
      await rejectionOf(
        output().dispatch(
          dispatchRequest({ credentials: { url: `${await closedPortUrl()}${WEBHOOK_PATH}` } }),
        ),
      ),
      await rejectionOf(output().dispatch(dispatchRequest({ credentials: { url: WEBHOOK_PATH } }))),
    ];
    for (const error of errors) {
      expect(error.message).toContain("teams");
      expect(allSaidBy(error)).not.toContain("IncomingWebhook/9a8b7c6d5e4f3a2b1c0d");
      expect(allSaidBy(error)).not.toContain("3f1a9c2e-0b7d");
    }
  });
});
