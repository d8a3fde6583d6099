import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import type { IocItem } from "../../functions/threat_intel_downloader/ioc-items";
import { createDynamoIocWriter } from "../../functions/threat_intel_downloader/ioc-writer";

const TABLE = "acme_streamalert_threat_intel_downloader";
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(client);
const writer = (attempts = 8) =>
  createDynamoIocWriter({ client, table: TABLE, attempts, sleep: async () => {} });
const item = (value: string, source = "x"): IocItem => ({
  ioc_value: value,
  ioc_type: "ip",
  sub_type: "c2_ip",
  source,
  expiration_ts: 1,
});
const batchSizes = () =>
  dynamo
    .commandCalls(BatchWriteCommand)
    .map((call) => call.args[0].input.RequestItems?.[TABLE]?.length);

beforeEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

describe("IOC writer", () => {
  it("writes 25 per batch and resends only the unprocessed items", async () => {
    const items = Array.from({ length: 30 }, (_, i) => item(`10.0.0.${i}`));
    dynamo
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [{ PutRequest: { Item: { ...items[7] } } }] } })
      .resolves({});
    await writer().write(items);
    expect(batchSizes()).toEqual([25, 1, 5]);
    expect(dynamo.commandCalls(BatchWriteCommand)[1].args[0].input.RequestItems?.[TABLE]).toEqual([
      { PutRequest: { Item: items[7] } },
    ]);
  });

  it("writes a value once per batch, the last occurrence winning", async () => {
    dynamo.on(BatchWriteCommand).resolves({});
    await writer().write([item("1.1.1.1", "first"), item("2.2.2.2"), item("1.1.1.1", "second")]);
    const requests = dynamo.commandCalls(BatchWriteCommand)[0].args[0].input.RequestItems?.[TABLE];
    expect(requests?.map((r) => r.PutRequest?.Item)).toEqual([
      item("1.1.1.1", "second"),
      item("2.2.2.2"),
    ]);
  });

  it("fails once the attempts are used up, saying the next run writes them", async () => {
    dynamo
      .on(BatchWriteCommand)
      .resolves({ UnprocessedItems: { [TABLE]: [{ PutRequest: { Item: { ...item("1") } } }] } });
    await expect(writer(3).write([item("1")])).rejects.toThrow(
      /left 1 item\(s\) unprocessed after 3 attempts; the next run writes them again/,
    );
  });
});
