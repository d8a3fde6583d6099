import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import { createSlackOutput } from "../../../../functions/alert_processor/outputs/slack";
import { SLACK_LIMITS } from "../../../../functions/alert_processor/outputs/slack-message";
import {
  AttachFullRecord,
  Summary,
} from "../../../../functions/alert_processor/publishers/slack-layout";
import { toPlainAlert } from "../../../../functions/shared/alert";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import {
  closedPortUrl,
  failingFirst,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";

const WEBHOOK_PATH = "/services/T0AB12CD3/B0EF45GH6/q1W2e3R4t5Y6u7I8o9P0aSdF";

interface Attachment {
  fallback?: string;
  color?: string;
  pretext?: string;
  title?: string;
  text: string;
  mrkdwn_in?: string[];
}

interface Message {
  text: string;
  mrkdwn: boolean;
  attachments: Attachment[];
}

/** Slack's incoming webhook: POST of a JSON message on the secret path, answered "ok". */
function slackWebhook(request: SeenRequest) {
  if (request.method !== "POST" || request.path !== WEBHOOK_PATH) {
    return { status: 404, text: "no_service" };
  }
  if (request.headers["content-type"] !== "application/json") {
    return { status: 400, text: "invalid_payload" };
  }
  const message = request.json<Message>();
  if (typeof message.text !== "string" && !Array.isArray(message.attachments)) {
    return { status: 400, text: "no_text" };
  }
  return { status: 200, text: "ok" };
}

const messagesOf = (server: LocalServer) =>
  server.requests.map((request) => request.json<Message>());

describe("slack output", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createSlackOutput({ http: quickHttpClient() });
  const send = (options: Parameters<typeof dispatchRequest>[0] = {}) =>
    output().dispatch(
      dispatchRequest({ credentials: { url: `${server?.url}${WEBHOOK_PATH}` }, ...options }),
    );

  it("posts the rule header, the description and the record as sorted mrkdwn lines", async () => {
    server = await startLocalServer(slackWebhook);
    await send({
      alert: {
        record: {
          userName: "alice",
          eventName: "ConsoleLogin",
          detail: { mfa: false, tags: ["vpn", { zone: "a<b" }], empty: [] },
        },
      },
    });
    expect(server.requests).toHaveLength(1);
    const [message] = messagesOf(server);
    expect(message.text).toBe("*StreamAlert Rule Triggered: console_login_without_mfa*");
    expect(message.mrkdwn).toBe(true);
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment.pretext).toBe("*Rule Description:*\nA console login without MFA\n");
    expect(attachment.title).toBe("Record:");
    expect(attachment.mrkdwn_in).toEqual(["text", "pretext"]);
    expect(attachment.text.split("\n")).toEqual([
      "*detail:*",
      "\t*empty:* []",
      "\t*mfa:* false",
      "\t*tags:*",
      "\t\t*[1]* vpn",
      "\t\t*[2]*",
      "\t\t\t*zone:* a&lt;b",
      "*eventName:* ConsoleLogin",
      "*userName:* alice",
    ]);
  });

  it("sends what the Slack layout publishers built (@slack.text, @slack.attachments)", async () => {
    server = await startLocalServer(slackWebhook);
    const request = dispatchRequest();
    const plain = toPlainAlert(request.alert);
    const publication = AttachFullRecord(plain, Summary(plain, plain));
    await send({ publication });
    const [message] = messagesOf(server);
    expect(message.text).toBe("Rule triggered");
    expect(message.attachments.map((attachment) => attachment.title)).toEqual([
      "console_login_without_mfa",
      "Record",
    ]);
    expect(message.attachments[1].text).toContain('"userName": "alice"');
    // the layout's private bookkeeping is not sent
    expect(server.requests[0].body).not.toContain("_previous_publication");
  });

  it("splits a long record on line boundaries into parts and posts within Slack's limits, in order", async () => {
    server = await startLocalServer(slackWebhook);
    const record: Record<string, string> = {};
    for (let index = 0; index < 4000; index++) {
      record[`field_${String(index).padStart(4, "0")}`] = `value ${index} `.repeat(4);
    }
    await send({ alert: { record } });

    const messages = messagesOf(server);
    expect(messages.length).toBeGreaterThan(1);
    // a few dozen posts for 4,000 lines, never one per line or per character
    expect(messages.length).toBeLessThan(20);
    for (const [index, request] of server.requests.entries()) {
      expect(request.body.length).toBeLessThanOrEqual(40_000);
      const message = messages[index];
      expect(message.attachments.length).toBeLessThanOrEqual(SLACK_LIMITS.attachmentsPerMessage);
      for (const attachment of message.attachments) {
        expect(attachment.text.length).toBeLessThanOrEqual(SLACK_LIMITS.attachmentText);
      }
      if (index > 0) {
        expect(message.text).toBe(
          `*StreamAlert Rule Triggered: console_login_without_mfa* (continued, part ${index + 1} of ${messages.length})`,
        );
      }
    }
    const attachments = messages.flatMap((message) => message.attachments);
    expect(attachments.map((attachment) => attachment.title)).toEqual(
      attachments.map((_, index) => `Record (Part ${index + 1} of ${attachments.length}):`),
    );
    // every part ends at a line end: joined, the parts are exactly the record's lines, in order
    const lines = attachments.flatMap((attachment) => attachment.text.split("\n"));
    expect(lines).toHaveLength(4000);
    expect(lines[0]).toBe(`*field_0000:* ${"value 0 ".repeat(4)}`);
    expect(lines[3999]).toBe(`*field_3999:* ${"value 3999 ".repeat(4)}`);
    expect(lines).toEqual([...lines].sort());
  });

  it("cuts a single overlong value into a few pieces, not per character", async () => {
    server = await startLocalServer(slackWebhook);
    const blob = "x".repeat(10_000);
    await send({ alert: { record: { blob } } });
    const texts = messagesOf(server).flatMap((message) =>
      message.attachments.map((attachment) => attachment.text),
    );
    expect(texts).toHaveLength(3);
    expect(texts.every((text) => text.length <= SLACK_LIMITS.attachmentText)).toBe(true);
    expect(texts.join("")).toBe(`*blob:* ${blob}`);
  });

  it("keeps a short line whole in front of an overlong one", async () => {
    server = await startLocalServer(slackWebhook);
    await send({ alert: { record: { a: "short", b: "y ".repeat(5000) } } });
    const texts = messagesOf(server).flatMap((message) =>
      message.attachments.map((attachment) => attachment.text),
    );
    expect(texts[0]).toBe("*a:* short");
    expect(texts.length).toBeLessThanOrEqual(4);
  });

  it("continues an overlong custom attachment in fenced pieces and a long header in posts of its own", async () => {
    server = await startLocalServer(slackWebhook);
    const code = Array.from({ length: 600 }, (_, index) => `line ${index} of the record`).join(
      "\n",
    );
    const header = Array.from({ length: 600 }, (_, index) => `header line ${index}`).join("\n");
    await send({
      publication: {
        "@slack.text": header,
        "@slack.attachments": [
          { color: "#7b0051", title: "Record", text: `\`\`\`\n${code}\n\`\`\`` },
        ],
      },
    });
    const messages = messagesOf(server);
    const headerPosts = messages.filter((message) => message.attachments.length === 0);
    expect(headerPosts.length).toBeGreaterThan(1);
    expect(headerPosts.every((message) => message.text.length <= SLACK_LIMITS.messageText)).toBe(
      true,
    );
    // the header comes first, whole and in order
    expect(messages.slice(0, headerPosts.length)).toEqual(headerPosts);
    const withAttachments = messages.slice(headerPosts.length);
    expect([...headerPosts, withAttachments[0]].map((message) => message.text).join("\n")).toBe(
      header,
    );
    const pieces = withAttachments.flatMap((message) => message.attachments);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0].title).toBe("Record");
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(SLACK_LIMITS.attachmentText);
      expect(piece.text.startsWith("```\n") && piece.text.endsWith("\n```")).toBe(true);
      expect(piece.color).toBe("#7b0051");
    }
    const inner = pieces.map((piece) => piece.text.slice(4, -4)).join("\n");
    expect(inner).toBe(code);
  });

  it("retries a 500 and posts the message once", async () => {
    server = await startLocalServer(
      failingFirst([{ status: 500, text: "rollup_error" }, { status: 500 }], slackWebhook),
    );
    await send();
    expect(server.requests).toHaveLength(3);
    const bodies = server.requests.map((request) => request.body);
    expect(new Set(bodies).size).toBe(1);
  });

  it("posts the parts of a long alert in order, each once, when one part needs a retry", async () => {
    let seen = 0;
    server = await startLocalServer((request) => {
      seen += 1;
      return seen === 2 ? { status: 503 } : slackWebhook(request);
    });
    const record = Object.fromEntries(
      Array.from({ length: 3000 }, (_, index) => [
        `k${String(index).padStart(4, "0")}`,
        "v".repeat(40),
      ]),
    );
    await send({ alert: { record } });
    const delivered = server.requests
      .filter((_, index) => index !== 1)
      .map((r) => r.json<Message>());
    expect(delivered.length).toBeGreaterThan(2);
    const titles = delivered.flatMap((message) => message.attachments.map((a) => a.title));
    expect(titles).toEqual(
      titles.map((_, index) => `Record (Part ${index + 1} of ${titles.length}):`),
    );
  });

  it("treats 400 as final and names neither the webhook path nor its token", async () => {
    server = await startLocalServer(() => ({ status: 400, text: "invalid_payload" }));
    const error = await rejectionOf(send());
    expect(server.requests).toHaveLength(1);
    expect((error as OutputError).retryable).toBe(false);
    expect(error.message).toContain("slack");
    expect(error.message).toContain("HTTP 400: invalid_payload");
    expect(allSaidBy(error)).not.toContain("q1W2e3R4t5Y6u7I8o9P0aSdF");
  });

  it("never puts the webhook URL in its errors", async () => {
    const secret = "q1W2e3R4t5Y6u7I8o9P0aSdF";
    server = await startLocalServer((request) => ({
      status: 404,
      text: `no route ${request.path}`,
    }));
    const errors = [
      await rejectionOf(send()),
      await rejectionOf(
        output().dispatch(
          dispatchRequest({ credentials: { url: `${await closedPortUrl()}${WEBHOOK_PATH}` } }),
        ),
      ),
      await rejectionOf(
        output().dispatch(
          dispatchRequest({ credentials: { url: `hooks.slack.com${WEBHOOK_PATH}` } }),
        ),
      ),
    ];
    expect(errors[2].message).toContain('credential "url" is not an http(s) URL');
    for (const error of errors) expect(allSaidBy(error)).not.toContain(secret);
  });
});
