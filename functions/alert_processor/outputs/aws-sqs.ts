// aws-sqs: SendMessage of the alert's record as compact JSON (StreamAlert's default) or of what a
// publisher put in `@aws-sqs.message_data`, to a queue given by name, URL or ARN.
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { OverrideKeys } from "../publishers/override-keys";
import { awsOutputError } from "./aws-error";
import { requireResource, toJsonText } from "./aws-request";
import type { OutputService } from "./types";

export const SQS_SERVICE = "aws-sqs";

export interface SqsOutputDeps {
  clientOptions?: AwsClientOptions;
}

/** A queue by name (StreamAlert's form), by ARN `arn:aws:sqs:<region>:<account>:<name>` or URL. */
export type QueueReference = { url: string } | { name: string; ownerAccountId?: string };

export function parseQueueReference(resource: string): QueueReference {
  if (/^https?:\/\//i.test(resource)) return { url: resource };
  const parts = resource.split(":");
  if (parts[0] === "arn" && parts.length === 6) return { name: parts[5], ownerAccountId: parts[4] };
  return { name: resource };
}

export function createSqsOutput(deps: SqsOutputDeps = {}): OutputService {
  let client: SQSClient | undefined;
  const sqs = () => (client ??= new SQSClient(awsClientConfig("sqs", deps.clientOptions)));
  // queue URLs never change for a name, so each is looked up once per container
  const urls = new Map<string, Promise<string>>();

  function queueUrl(resource: string): Promise<string> {
    const reference = parseQueueReference(resource);
    if ("url" in reference) return Promise.resolve(reference.url);
    let url = urls.get(resource);
    if (!url) {
      url = sqs()
        .send(
          new GetQueueUrlCommand({
            QueueName: reference.name,
            ...(reference.ownerAccountId
              ? { QueueOwnerAWSAccountId: reference.ownerAccountId }
              : {}),
          }),
        )
        .then((answer) => {
          if (!answer.QueueUrl) throw new Error("GetQueueUrl returned no URL");
          return answer.QueueUrl;
        })
        .catch((error: unknown) => {
          urls.delete(resource);
          throw awsOutputError(SQS_SERVICE, `GetQueueUrl of queue "${reference.name}"`, error);
        });
      urls.set(resource, url);
    }
    return url;
  }

  return {
    service: SQS_SERVICE,
    credentialKeys: [],
    async dispatch({ alert, descriptor, publication, resource }) {
      const queue = requireResource(SQS_SERVICE, descriptor, resource, "queue name");
      const key = OverrideKeys[SQS_SERVICE].message_data;
      const data = Object.hasOwn(publication, key) ? publication[key] : alert.record;
      const body = toJsonText(SQS_SERVICE, data);
      const url = await queueUrl(queue);
      try {
        await sqs().send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
      } catch (error) {
        throw awsOutputError(SQS_SERVICE, `SendMessage to queue "${url}"`, error);
      }
    },
  };
}
