import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { createDynamoMergerTable } from "../../functions/alert_merger/dynamo-alert-table";

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(client);
const table = () =>
  createDynamoMergerTable({ client, table: "acme_streamalert_alerts", sleep: async () => {} });

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const result: T[] = [];
  for await (const entry of iterable) result.push(entry);
  return result;
};

beforeEach(() => dynamo.reset());

describe("DynamoDB merger table", () => {
  it("lists each rule name once across scan pages", async () => {
    dynamo
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ RuleName: "a" }, { RuleName: "b" }], LastEvaluatedKey: { k: 1 } })
      .resolvesOnce({ Items: [{ RuleName: "a" }, { RuleName: "c" }] });
    expect(await collect(table().ruleNames())).toEqual(["a", "b", "c"]);
    expect(dynamo.commandCalls(ScanCommand)[1].args[0].input.ExclusiveStartKey).toEqual({ k: 1 });
  });

  it("reads every page of a rule's alerts with a consistent read", async () => {
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ AlertID: "1" }], LastEvaluatedKey: { k: 1 } })
      .resolvesOnce({ Items: [{ AlertID: "2" }] });
    expect(await collect(table().alertItems("rule"))).toEqual([{ AlertID: "1" }, { AlertID: "2" }]);
    expect(dynamo.commandCalls(QueryCommand)[0].args[0].input.ConsistentRead).toBe(true);
  });

  it("deletes in batches of 25 and retries unprocessed deletions", async () => {
    const keys = Array.from({ length: 30 }, (_, i) => ({ RuleName: "r", AlertID: String(i) }));
    dynamo
      .on(BatchWriteCommand)
      .resolvesOnce({
        UnprocessedItems: {
          acme_streamalert_alerts: [{ DeleteRequest: { Key: keys[3] } }],
        },
      })
      .resolves({});
    await table().deleteAll(keys);
    const sizes = dynamo
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.acme_streamalert_alerts?.length);
    expect(sizes).toEqual([25, 1, 5]);
  });

  it("gives up with an error when deletions stay unprocessed", async () => {
    const key = { RuleName: "r", AlertID: "1" };
    dynamo.on(BatchWriteCommand).resolves({
      UnprocessedItems: { acme_streamalert_alerts: [{ DeleteRequest: { Key: key } }] },
    });
    await expect(table().deleteAll([key])).rejects.toThrow(/left unprocessed/);
  });

  it("marks a dispatch only if Dispatched is unchanged, and reports a lost race", async () => {
    const conditionFailed = Object.assign(new Error("failed"), {
      name: "ConditionalCheckFailedException",
    });
    dynamo.on(UpdateCommand).rejectsOnce(conditionFailed).resolves({});
    const mark = { attempts: 1, dispatched: "now", previousDispatched: "before", opener: false };
    expect(await table().markDispatched({ RuleName: "r", AlertID: "1" }, mark)).toBe(false);
    expect(await table().markDispatched({ RuleName: "r", AlertID: "1" }, mark)).toBe(true);
    const input = dynamo.commandCalls(UpdateCommand)[0].args[0].input;
    expect(input.ConditionExpression).toContain("Dispatched = :previous");
    expect(input.ExpressionAttributeValues?.[":previous"]).toBe("before");
  });
});
