// aws-ses: SendRawEmail of a MIME message: subject "<rule> triggered alert <id>", a short text
// body, and the alert's record attached as record.json, all shaped by the `@aws-ses.*` keys.
// Addresses come from the output's SSM credentials, as StreamAlert stored them: from_email and
// to_emails (comma-separated), plus an optional cc_emails.
import { SESClient, SendRawEmailCommand } from "@aws-sdk/client-ses";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { OverrideKeys } from "../publishers/override-keys";
import { awsOutputError } from "./aws-error";
import { AWS_OUTPUT_CREDENTIAL_KEYS } from "./aws-output-keys";
import { toJsonText, toSortedJsonText } from "./aws-request";
import { buildRawEmail, type EmailAttachment, type EmailMessage } from "./aws-ses-message";
import { OutputConfigError } from "./errors";
import type { DispatchRequest, OutputService } from "./types";

export const SES_SERVICE = "aws-ses";

export const SES_DEFAULT_BODY = "Please review the attached record.json";

export interface SesOutputDeps {
  clientOptions?: AwsClientOptions;
}

function addressList(descriptor: string, key: string, text: string | undefined): string[] {
  const addresses = (text ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of addresses) {
    if (!/^[^\s@]+@[^\s@]+$/.test(address) && !/<[^\s@<>]+@[^\s@<>]+>$/.test(address)) {
      throw new OutputConfigError(
        // the address itself stays out of the message: credentials are never logged
        `${SES_SERVICE}:${descriptor}: an entry of ${key} in its credentials is not an email ` +
          "address; set it again with `streamalert output set aws-ses`",
      );
    }
  }
  return addresses;
}

function bodyOf(value: unknown): EmailMessage["body"] {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const parts = Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    if (parts.length > 0) return Object.fromEntries(parts);
  }
  return SES_DEFAULT_BODY;
}

/** The message for one alert; exported so tests and `streamalert` previews see the same. */
export function sesMessage(request: DispatchRequest): EmailMessage {
  const { alert, descriptor, publication, credentials } = request;
  const keys = OverrideKeys[SES_SERVICE];
  const from = addressList(descriptor, "from_email", credentials?.from_email);
  const to = addressList(descriptor, "to_emails", credentials?.to_emails);
  const cc = addressList(descriptor, "cc_emails", credentials?.cc_emails);
  if (from.length !== 1 || to.length === 0) {
    throw new OutputConfigError(
      `${SES_SERVICE}:${descriptor} needs one from_email and at least one to_emails address ` +
        "in its credentials; set them with `streamalert output set aws-ses`",
    );
  }
  const subject = publication[keys.subject];
  const attachments: EmailAttachment[] = [];
  if (publication[keys.attach_record] !== false) {
    attachments.push({
      filename: "record.json",
      content: toSortedJsonText(SES_SERVICE, alert.record),
    });
  }
  const extra = publication[keys.attachments];
  if (extra !== null && typeof extra === "object" && !Array.isArray(extra)) {
    for (const [filename, content] of Object.entries(extra)) {
      attachments.push({
        filename,
        content: typeof content === "string" ? content : toJsonText(SES_SERVICE, content, 2),
      });
    }
  }
  return {
    from: from[0],
    to,
    cc,
    subject:
      typeof subject === "string" && subject.trim() !== ""
        ? subject
        : `${alert.ruleName} triggered alert ${alert.alertId}`,
    body: bodyOf(publication[keys.body]),
    attachments,
  };
}

export function createSesOutput(deps: SesOutputDeps = {}): OutputService {
  let client: SESClient | undefined;
  const ses = () => (client ??= new SESClient(awsClientConfig("ses", deps.clientOptions)));

  return {
    service: SES_SERVICE,
    credentialKeys: AWS_OUTPUT_CREDENTIAL_KEYS["aws-ses"],
    async dispatch(request) {
      const message = sesMessage(request);
      const raw = buildRawEmail(message);
      try {
        await ses().send(
          new SendRawEmailCommand({
            Source: message.from,
            Destinations: [...message.to, ...(message.cc ?? [])],
            RawMessage: { Data: Buffer.from(raw, "utf8") },
          }),
        );
      } catch (error) {
        const recipients = message.to.length + (message.cc?.length ?? 0);
        throw awsOutputError(SES_SERVICE, `SendRawEmail to ${recipients} recipient(s)`, error);
      }
    },
  };
}
