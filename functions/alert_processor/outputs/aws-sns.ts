// aws-sns: Publish to the topic outputs.json names. Subject "<rule> triggered alert <id>" (or a
// publisher's `@aws-sns.topic`), made into what SNS accepts: printable ASCII on one line, under
// 100 characters. Message: the publication as indented JSON (or `@aws-sns.message`).
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { OverrideKeys, withoutOverrideKeys } from "../publishers/override-keys";
import { awsOutputError } from "./aws-error";
import { requireResource, toJsonText, toSortedJsonText } from "./aws-request";
import type { OutputService } from "./types";

export const SNS_SERVICE = "aws-sns";

/** SNS wants a subject "less than 100 characters long". */
export const SNS_MAX_SUBJECT_LENGTH = 99;

/** Also honoured for the subject: the name this project's brief used; `@aws-sns.topic` wins. */
export const SNS_SUBJECT_ALIAS = "@aws-sns.subject";

export interface SnsOutputDeps {
  clientOptions?: AwsClientOptions;
  /** the account topics given by name live in; asked of STS once when not set */
  accountId?: string;
}

/** Cuts the middle out of a long text, so both the rule name and the alert ID stay readable. */
export function elideMiddle(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const marker = " ... ";
  const keep = maxLength - marker.length;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}${marker}${text.slice(text.length - (keep - head))}`;
}

/** One line of printable ASCII, starting with a letter, digit or punctuation, ≤ 99 characters. */
export function snsSubject(text: string, fallback: string): string {
  const printable = text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[^\x20-\x7e]/g, "?")
    .trim();
  return elideMiddle(printable || fallback, SNS_MAX_SUBJECT_LENGTH);
}

export function createSnsOutput(deps: SnsOutputDeps = {}): OutputService {
  let client: SNSClient | undefined;
  let accountId: Promise<string> | undefined;
  const sns = () => (client ??= new SNSClient(awsClientConfig("sns", deps.clientOptions)));

  function account(): Promise<string> {
    if (deps.accountId) return Promise.resolve(deps.accountId);
    accountId ??= new STSClient(awsClientConfig("sts", deps.clientOptions))
      .send(new GetCallerIdentityCommand({}))
      .then((identity) => {
        if (!identity.Account) throw new Error("GetCallerIdentity returned no account");
        return identity.Account;
      })
      .catch((error: unknown) => {
        accountId = undefined;
        throw awsOutputError(SNS_SERVICE, "GetCallerIdentity (for the topic ARN)", error);
      });
    return accountId;
  }

  // StreamAlert stores topic names; an ARN is taken as is (a topic in another account)
  async function topicArn(topic: string): Promise<string> {
    if (topic.startsWith("arn:")) return topic;
    const region = await sns().config.region();
    return `arn:aws:sns:${region}:${await account()}:${topic}`;
  }

  return {
    service: SNS_SERVICE,
    credentialKeys: [],
    async dispatch({ alert, descriptor, publication, resource }) {
      const topic = requireResource(SNS_SERVICE, descriptor, resource, "topic name");
      const keys = OverrideKeys[SNS_SERVICE];
      const defaultSubject = `${alert.ruleName} triggered alert ${alert.alertId}`;
      const requested = publication[keys.topic] ?? publication[SNS_SUBJECT_ALIAS];
      const subject = snsSubject(
        typeof requested === "string" ? requested : defaultSubject,
        defaultSubject,
      );
      const override = publication[keys.message];
      const message =
        override === undefined
          ? toSortedJsonText(SNS_SERVICE, withoutOverrideKeys(publication))
          : typeof override === "string"
            ? override
            : toJsonText(SNS_SERVICE, override);
      const arn = await topicArn(topic);
      try {
        await sns().send(new PublishCommand({ TopicArn: arn, Subject: subject, Message: message }));
      } catch (error) {
        throw awsOutputError(SNS_SERVICE, `Publish to topic "${arn}"`, error);
      }
    },
  };
}
