import { SESClient, SendRawEmailCommand } from "@aws-sdk/client-ses";
import { mockClient } from "aws-sdk-client-mock";
import { createSesOutput } from "../../../../functions/alert_processor/outputs/aws-ses";
import { alertOf } from "../../../alert_merger/factories";
import { decodeHeader, type MimePart, parseMime } from "./mime";
import { dispatchOf, textOf } from "./requests";

const ses = mockClient(SESClient);

beforeEach(() => {
  ses.reset();
  ses.on(SendRawEmailCommand).resolves({ MessageId: "m-1" });
});

afterAll(() => ses.restore());

const CREDENTIALS = {
  from_email: "streamalert@acme.example",
  to_emails: "secops@acme.example, oncall@acme.example",
};

function sent() {
  const calls = ses.commandCalls(SendRawEmailCommand);
  expect(calls).toHaveLength(1);
  const input = calls[0].args[0].input;
  const raw = textOf(input.RawMessage?.Data);
  return { input, raw, message: parseMime(raw) };
}

const attachmentsOf = (message: MimePart) =>
  message.parts.filter((part) => part.headers["content-disposition"]?.startsWith("attachment"));

describe("aws-ses output", () => {
  it("needs from_email and to_emails from its credentials", () => {
    expect(createSesOutput().credentialKeys).toEqual(["from_email", "to_emails"]);
  });

  it("mails a multipart message: subject, text body, and the record attached as record.json", async () => {
    const alert = alertOf({
      ruleName: "okta_admin_role_granted",
      alertId: "a1b2",
      record: { actor: { login: "mallory" }, event: "user.account.privilege.grant" },
    });

    await createSesOutput().dispatch(dispatchOf({ alert, credentials: CREDENTIALS }));

    const { input, raw, message } = sent();
    expect(input.Source).toBe("streamalert@acme.example");
    expect(input.Destinations).toEqual(["secops@acme.example", "oncall@acme.example"]);
    expect(raw).not.toMatch(/[^\r]\n/); // CRLF line ends only
    expect(message.headers.from).toBe("streamalert@acme.example");
    expect(message.headers.to).toBe("secops@acme.example, oncall@acme.example");
    expect(message.headers["mime-version"]).toBe("1.0");
    expect(decodeHeader(message.headers.subject)).toBe(
      "okta_admin_role_granted triggered alert a1b2",
    );
    expect(message.type).toBe("multipart/mixed");
    expect(message.parts.map((part) => part.type)).toEqual(["text/plain", "application/json"]);
    expect(message.parts[0].body.toString("utf8")).toBe("Please review the attached record.json");
    const [attachment] = attachmentsOf(message);
    expect(attachment.headers["content-disposition"]).toBe('attachment; filename="record.json"');
    expect(JSON.parse(attachment.body.toString("utf8"))).toEqual(alert.record);
  });

  it("applies @aws-ses.subject, body (plain + html), attach_record false and attachments", async () => {
    await createSesOutput().dispatch(
      dispatchOf({
        credentials: { ...CREDENTIALS, cc_emails: "audit@acme.example" },
        extra: {
          "@aws-ses.subject": "Privilege grant — überprüfen",
          "@aws-ses.body": { html: "<p>Review <b>now</b></p>", plain: "Review now" },
          "@aws-ses.attach_record": false,
          "@aws-ses.attachments": {
            "summary.txt": "mallory granted admin",
            "extra.json": { n: 1 },
          },
        },
      }),
    );

    const { input, message } = sent();
    expect(input.Destinations).toEqual([
      "secops@acme.example",
      "oncall@acme.example",
      "audit@acme.example",
    ]);
    expect(message.headers.cc).toBe("audit@acme.example");
    expect(decodeHeader(message.headers.subject)).toBe("Privilege grant — überprüfen");
    const [body, ...attachments] = message.parts;
    expect(body.type).toBe("multipart/alternative");
    expect(body.parts.map((part) => [part.type, part.body.toString("utf8")])).toEqual([
      ["text/plain", "Review now"],
      ["text/html", "<p>Review <b>now</b></p>"],
    ]);
    expect(
      attachments.map((part) => [part.headers["content-disposition"], part.body.toString("utf8")]),
    ).toEqual([
      ['attachment; filename="summary.txt"', "mallory granted admin"],
      ['attachment; filename="extra.json"', '{\n  "n": 1\n}'],
    ]);
  });

  it("keeps alert text from adding headers", async () => {
    await createSesOutput().dispatch(
      dispatchOf({
        credentials: CREDENTIALS,
        extra: { "@aws-ses.subject": "hello\r\nBcc: attacker@evil.example" },
      }),
    );

    const { message } = sent();
    expect(message.headers).not.toHaveProperty("bcc");
    expect(decodeHeader(message.headers.subject)).toBe("hello Bcc: attacker@evil.example");
  });

  it("refuses a credential that is not an address without printing it", async () => {
    const sending = createSesOutput().dispatch(
      dispatchOf({
        credentials: { from_email: "streamalert@acme.example", to_emails: "secret-token" },
      }),
    );

    await expect(sending).rejects.toThrow(
      "aws-ses:security: an entry of to_emails in its credentials is not an email address",
    );
    await expect(sending).rejects.not.toThrow(/secret-token/);
    expect(ses.calls()).toHaveLength(0);
  });
});
