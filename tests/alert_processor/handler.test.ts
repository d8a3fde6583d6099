import { CreateTableCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createMapCredentialProvider } from "../../functions/alert_processor/credentials";
import { handler, setProcessorDependencies } from "../../functions/alert_processor/handler";
import { toItem } from "../../functions/shared/alert";
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { alertOf } from "../alert_merger/factories";
import { type Emulators, startEmulators } from "../helpers/emulators";
import { FakeOutputService, inlineEvent } from "./factories";

const config = {
  dir: "conf",
  global: {
    account: { aws_account_id: "123456789012", prefix: "test", region: "us-east-1" },
    general: {},
    infrastructure: {},
  },
  lambda: {},
  clusters: {},
  outputs: { slack: ["security"] },
  logs: {},
  normalizedTypes: {},
  threatIntel: { enabled: false },
  lookupTables: { enabled: false, tables: {} },
} satisfies StreamAlertConfig;

jest.mock("../../functions/shared/runtime-config", () => ({ getRuntimeConfig: () => config }));

const TABLE = "test_streamalert_alerts";
let emulators: Emulators;

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
});

afterAll(async () => {
  await emulators?.stop();
});

describe("alert processor handler", () => {
  it("sends an alert given by key and deletes it from <prefix>_streamalert_alerts", async () => {
    const firehose = new FakeOutputService("aws-firehose");
    const slack = new FakeOutputService("slack", ["url"]);
    setProcessorDependencies({
      outputServices: { "aws-firehose": firehose, slack },
      clientOptions: emulators.clientOptions,
      credentials: createMapCredentialProvider({
        "/test/streamalert/outputs/slack/security": '{"url":"https://hooks.example/x"}',
      }),
    });
    const alert = alertOf({ alertId: "by-key" });
    const documents = DynamoDBDocumentClient.from(emulators.dynamodb);
    await documents.send(new PutCommand({ TableName: TABLE, Item: { ...toItem(alert) } }));

    const result = await handler({ RuleName: alert.ruleName, AlertID: "by-key" });

    expect(result.table).toBe("deleted");
    // the required Firehose resolves to the prefix's delivery stream without outputs.json
    expect(firehose.requests[0].resource).toBe("test_streamalert_alert_delivery");
    expect(slack.requests[0].credentials).toEqual({ url: "https://hooks.example/x" });
    const left = await emulators.dynamodb.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { RuleName: { S: alert.ruleName }, AlertID: { S: "by-key" } },
      }),
    );
    expect(left.Item).toBeUndefined();
  });

  it("records partial success as a string set union on the table", async () => {
    const slack = new FakeOutputService("slack", ["url"]);
    slack.failuresLeft = 1;
    setProcessorDependencies({
      outputServices: { "aws-firehose": new FakeOutputService("aws-firehose"), slack },
    });
    const alert = alertOf({
      alertId: "partial",
      outputs: ["aws-firehose:alerts", "slack:security"],
    });
    const documents = DynamoDBDocumentClient.from(emulators.dynamodb);
    await documents.send(new PutCommand({ TableName: TABLE, Item: { ...toItem(alert) } }));

    expect((await handler(inlineEvent(alert))).table).toBe("updated");

    const stored = await emulators.dynamodb.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { RuleName: { S: alert.ruleName }, AlertID: { S: "partial" } },
      }),
    );
    expect(stored.Item?.OutputsSent).toEqual({ SS: ["aws-firehose:alerts"] });
  });
});
