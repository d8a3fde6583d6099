import { CreateTableCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { handler, setRegistry } from "../../functions/rules_engine/handler";
import type { StreamAlertConfig } from "../../functions/shared/config/types";
import { rule } from "../../functions/shared/rules/types";
import { type Emulators, startEmulators } from "../helpers/emulators";
import { classified, registryOf } from "./factories";

const config = {
  dir: "conf",
  global: {
    account: { aws_account_id: "123456789012", prefix: "test", region: "us-east-1" },
    general: {},
    infrastructure: {},
  },
  lambda: {},
  clusters: {},
  outputs: {},
  logs: {},
  normalizedTypes: {},
  threatIntel: { enabled: false },
  lookupTables: { enabled: false, tables: {} },
} satisfies StreamAlertConfig;

jest.mock("../../functions/shared/runtime-config", () => ({ getRuntimeConfig: () => config }));

let emulators: Emulators;

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  await emulators.dynamodb.send(
    new CreateTableCommand({
      TableName: "test_streamalert_alerts",
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
  setRegistry(undefined);
  await emulators?.stop();
});

const sqsEvent = (bodies: Record<string, string>): SQSEvent => ({
  Records: Object.entries(bodies).map(([messageId, body]) => ({ messageId, body }) as SQSRecord),
});

describe("rules engine handler", () => {
  it("writes alerts to <prefix>_streamalert_alerts and answers with partial batch failures", async () => {
    setRegistry(
      registryOf({
        root_login: rule({ logs: ["cloudtrail:events"] }, (record) => record.user === "root"),
      }),
      emulators.clientOptions,
    );
    const response = await handler(
      sqsEvent({
        a: JSON.stringify([classified({ user: "root" }), classified({ user: "bob" })]),
        b: "not json",
      }),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    const { Items = [] } = await emulators.dynamodb.send(
      new ScanCommand({ TableName: "test_streamalert_alerts" }),
    );
    expect(Items.map((item) => item.RuleName.S)).toEqual(["root_login"]);
  });
});
