import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { createDynamoRuleStaging } from "../../functions/rules_engine/rule-staging";

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(documentClient);
afterEach(() => dynamo.reset());

describe("rule staging from the rules table", () => {
  it("reloads only every cache_refresh_minutes and keeps the last set when a reload fails", async () => {
    let clock = 0;
    dynamo
      .on(ScanCommand)
      .resolvesOnce({
        Items: [
          { RuleName: "new_rule", Staged: true },
          { RuleName: "old_rule", Staged: false },
        ],
      })
      .rejectsOnce(new Error("throttled"))
      .resolvesOnce({ Items: [{ RuleName: "old_rule", Staged: true }] });
    const errors: unknown[] = [];
    const staging = createDynamoRuleStaging({
      client: documentClient,
      table: "rules",
      cacheRefreshMinutes: 10,
      now: () => clock,
      onError: (error) => errors.push(error),
    });

    await staging.refreshIfDue();
    expect([staging.isStaged("new_rule"), staging.isStaged("old_rule")]).toEqual([true, false]);
    clock = 9 * 60_000;
    await staging.refreshIfDue();
    expect(dynamo.commandCalls(ScanCommand)).toHaveLength(1);

    clock = 10 * 60_000;
    await staging.refreshIfDue();
    expect(errors).toHaveLength(1);
    expect(staging.isStaged("new_rule")).toBe(true);

    clock = 20 * 60_000;
    await staging.refreshIfDue();
    expect([staging.isStaged("new_rule"), staging.isStaged("old_rule")]).toEqual([false, true]);
  });

  it("reads every page of the table", async () => {
    dynamo
      .on(ScanCommand)
      .resolvesOnce({
        Items: [{ RuleName: "a", Staged: true }],
        LastEvaluatedKey: { RuleName: "a" },
      })
      .resolvesOnce({ Items: [{ RuleName: "b", Staged: true }] });
    const staging = createDynamoRuleStaging({ client: documentClient, table: "rules" });
    await staging.refreshIfDue();
    expect([staging.isStaged("a"), staging.isStaged("b")]).toEqual([true, true]);
  });
});
