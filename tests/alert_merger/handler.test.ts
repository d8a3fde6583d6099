import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { toItem } from "../../functions/shared/alert";
import { type Emulators, startEmulators } from "../helpers/emulators";
import { alertOf } from "./factories";

const TABLE = "test_streamalert_alerts";
const lambda = mockClient(LambdaClient);
let emulators: Emulators;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  await emulators.dynamodb.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [
        { AttributeName: "RuleName", KeyType: "HASH" },
        { AttributeName: "AlertID", KeyType: "RANGE" },
      ],
      AttributeDefinitions: [
        { AttributeName: "RuleName", AttributeType: "S" },
        { AttributeName: "AlertID", AttributeType: "S" },
      ],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  Object.assign(process.env, {
    ALERTS_TABLE: TABLE,
    ALERT_PROCESSOR: "test_streamalert_alert_processor",
    ALERT_PROCESSOR_TIMEOUT_SEC: "60",
    AWS_ENDPOINT_URL_DYNAMODB: emulators.endpoints.dynamodb,
    AWS_REGION: "us-east-1",
  });
});

afterAll(async () => {
  process.env = savedEnv;
  lambda.restore();
  await emulators?.stop();
});

describe("alert merger handler", () => {
  it("invokes the processor asynchronously with the pending alert", async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const alert = alertOf({ alertId: "pending" });
    const documents = DynamoDBDocumentClient.from(emulators.dynamodb);
    await documents.send(new PutCommand({ TableName: TABLE, Item: { ...toItem(alert) } }));
    const { handler } = await import("../../functions/alert_merger/handler");

    expect(await handler()).toMatchObject({ rules: 1, dispatched: 1, errors: 0 });

    const [call] = lambda.commandCalls(InvokeCommand);
    expect(call.args[0].input).toMatchObject({
      FunctionName: "test_streamalert_alert_processor",
      InvocationType: "Event",
    });
    const payload = JSON.parse(new TextDecoder().decode(call.args[0].input.Payload as Uint8Array));
    expect(payload).toMatchObject({ RuleName: alert.ruleName, AlertID: "pending", Attempts: 1 });
  });
});
