import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, type PutCommandInput } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { createDynamoAlertWriter } from "../../functions/rules_engine/alert-writer";
import { type Alert, EPOCH } from "../../functions/shared/alert";

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(documentClient);
afterEach(() => dynamo.reset());

const awsError = (name: string, status = 400) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

const alertFor = (alertId: string): Alert => ({
  ruleName: "r",
  alertId,
  attempts: 0,
  cluster: "prod",
  context: {},
  created: new Date(),
  dispatched: EPOCH,
  logSource: "x:y",
  logType: "json",
  mergeByKeys: [],
  mergeWindowMins: 0,
  outputs: ["aws-firehose:alerts"],
  outputsSent: [],
  publishers: {},
  record: { id: alertId },
  ruleDescription: "",
  sourceEntity: "s",
  sourceService: "kinesis",
  staged: false,
});

const writer = () =>
  createDynamoAlertWriter({
    client: documentClient,
    table: "alerts",
    sleep: async () => undefined,
    maxAttempts: 3,
  });

describe("DynamoDB alert writer", () => {
  it("writes each alert only if its id is new", async () => {
    dynamo.on(PutCommand).resolves({});
    const result = await writer().write([alertFor("a"), alertFor("b")]);
    expect(result).toEqual({ written: 2, duplicates: 0, failed: [] });
    const input = dynamo.commandCalls(PutCommand)[0].args[0].input;
    expect(input).toMatchObject({
      TableName: "alerts",
      ConditionExpression: "attribute_not_exists(AlertID)",
    });
  });

  it("counts an alert that already exists as done", async () => {
    dynamo.on(PutCommand).rejects(awsError("ConditionalCheckFailedException"));
    expect(await writer().write([alertFor("a")])).toEqual({
      written: 0,
      duplicates: 1,
      failed: [],
    });
  });

  it("retries throttles and server errors, then succeeds", async () => {
    dynamo
      .on(PutCommand)
      .rejectsOnce(awsError("ProvisionedThroughputExceededException"))
      .rejectsOnce(awsError("Unknown", 503))
      .resolves({});
    expect((await writer().write([alertFor("a")])).written).toBe(1);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(3);
  });

  it.each([
    ["a validation error at once", awsError("ValidationException"), 1],
    ["a throttle after maxAttempts", awsError("ThrottlingException"), 3],
  ])("fails only the affected alert on %s", async (_case, error, calls) => {
    dynamo.on(PutCommand).callsFake(async (input: PutCommandInput) => {
      if (input.Item?.AlertID === "bad") throw error;
      return {};
    });
    const result = await writer().write([alertFor("good"), alertFor("bad")]);
    expect(result.written).toBe(1);
    expect(result.failed.map((failure) => failure.alert.alertId)).toEqual(["bad"]);
    const badCalls = dynamo
      .commandCalls(PutCommand)
      .filter((call) => call.args[0].input.Item?.AlertID === "bad");
    expect(badCalls).toHaveLength(calls);
  });
});
