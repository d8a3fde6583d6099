import { CreateQueueCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import {
  createSqsOutput,
  parseQueueReference,
} from "../../../../functions/alert_processor/outputs/aws-sqs";
import { type Emulators, startEmulators } from "../../../helpers/emulators";
import { dispatchOf } from "./requests";

let emulators: Emulators;

beforeAll(async () => {
  emulators = await startEmulators(["sqs"]);
});

afterAll(async () => {
  await emulators?.stop();
});

async function createQueue(name: string): Promise<string> {
  const created = await emulators.sqs.send(new CreateQueueCommand({ QueueName: name }));
  return created.QueueUrl!;
}

async function receiveBodies(url: string): Promise<string[]> {
  const received = await emulators.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  return (received.Messages ?? []).map((message) => message.Body ?? "");
}

describe("aws-sqs output (local-aws-sqs)", () => {
  it("sends the alert's record as compact JSON to a queue given by name", async () => {
    const url = await createQueue("acme_soar_alert_intake");
    const request = dispatchOf({ resource: "acme_soar_alert_intake" });

    await createSqsOutput({ clientOptions: emulators.clientOptions }).dispatch(request);

    const bodies = await receiveBodies(url);
    expect(bodies).toEqual([JSON.stringify(request.alert.record)]);
  });

  it("sends to a queue given by URL, and @aws-sqs.message_data replaces the record", async () => {
    const url = await createQueue("by_url");
    const request = dispatchOf({
      resource: url,
      extra: { "@aws-sqs.message_data": { ticket: "SEC-1", severity: "high" } },
    });

    await createSqsOutput({ clientOptions: emulators.clientOptions }).dispatch(request);

    expect((await receiveBodies(url)).map((body) => JSON.parse(body))).toEqual([
      { ticket: "SEC-1", severity: "high" },
    ]);
  });

  it("names the queue when it does not exist, and finds it once it does", async () => {
    const output = createSqsOutput({ clientOptions: emulators.clientOptions });

    await expect(output.dispatch(dispatchOf({ resource: "created_later" }))).rejects.toThrow(
      /^aws-sqs: GetQueueUrl of queue "created_later" failed: QueueDoesNotExist: /,
    );
    const url = await createQueue("created_later");
    await output.dispatch(dispatchOf({ resource: "created_later" }));

    expect(await receiveBodies(url)).toHaveLength(1);
  });

  it.each([
    ["acme_queue", { name: "acme_queue" }],
    [
      "arn:aws:sqs:us-east-1:210987654321:shared",
      { name: "shared", ownerAccountId: "210987654321" },
    ],
    [
      "https://sqs.us-east-1.amazonaws.com/210987654321/shared",
      { url: "https://sqs.us-east-1.amazonaws.com/210987654321/shared" },
    ],
  ])("reads the queue reference %s", (resource, reference) => {
    expect(parseQueueReference(resource)).toEqual(reference);
  });
});
