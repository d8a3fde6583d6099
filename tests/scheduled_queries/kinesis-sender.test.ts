import { KinesisClient, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { mockClient } from "aws-sdk-client-mock";
import { createKinesisSender } from "../../functions/scheduled_queries/kinesis-sender";

const kinesis = mockClient(KinesisClient);
const client = new KinesisClient({ region: "us-east-1" });
const sender = (attempts = 3) =>
  createKinesisSender({
    client,
    streamName: "acme_prod_streamalert",
    attempts,
    sleep: async () => {},
  });
const sentData = (call: number) =>
  (kinesis.commandCalls(PutRecordsCommand)[call].args[0].input.Records ?? []).map((r) =>
    JSON.parse(Buffer.from(r.Data ?? []).toString()),
  );

beforeEach(() => kinesis.reset());
afterAll(() => kinesis.restore());

describe("Kinesis sender", () => {
  it("resends only the records Kinesis refused", async () => {
    kinesis
      .on(PutRecordsCommand)
      .resolvesOnce({
        FailedRecordCount: 1,
        Records: [{ SequenceNumber: "1" }, { ErrorCode: "ProvisionedThroughputExceededException" }],
      })
      .resolves({ FailedRecordCount: 0, Records: [{ SequenceNumber: "2" }] });
    await sender().send("my_query", [{ n: 1 }, { n: 2 }]);
    expect(sentData(0)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(sentData(1)).toEqual([{ n: 2 }]);
    const input = kinesis.commandCalls(PutRecordsCommand)[1].args[0].input;
    expect(input.StreamName).toBe("acme_prod_streamalert");
    expect(input.Records?.[0].PartitionKey).toBe("my_query");
  });

  it("fails with Kinesis's error once the attempts are used up", async () => {
    kinesis.on(PutRecordsCommand).resolves({
      FailedRecordCount: 1,
      Records: [{ ErrorCode: "InternalFailure", ErrorMessage: "try later" }],
    });
    await expect(sender(2).send("q", [{ n: 1 }])).rejects.toThrow(
      "Kinesis stream acme_prod_streamalert refused 1 record(s) after 2 attempts: InternalFailure try later",
    );
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(2);
  });

  it("puts at most 500 records per call", async () => {
    kinesis.on(PutRecordsCommand).resolves({ FailedRecordCount: 0 });
    await sender().send(
      "q",
      Array.from({ length: 1001 }, (_, n) => ({ n })),
    );
    expect(
      kinesis.commandCalls(PutRecordsCommand).map((c) => c.args[0].input.Records?.length),
    ).toEqual([500, 500, 1]);
  });
});
