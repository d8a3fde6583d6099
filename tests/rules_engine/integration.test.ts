import {
  CreateTableCommand,
  type DynamoDBClient,
  type KeySchemaElement,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createDynamoAlertWriter } from "../../functions/rules_engine/alert-writer";
import { createRulesEngine } from "../../functions/rules_engine/engine";
import { createDynamoRuleStaging } from "../../functions/rules_engine/rule-staging";
import { rule } from "../../functions/shared/rules/types";
import { createDynamoIocLookup, createThreatIntel } from "../../functions/shared/threat-intel";
import { type Emulators, startEmulators } from "../helpers/emulators";
import { classified, message, normalized, registryOf } from "./factories";

let emulators: Emulators;
let client: DynamoDBClient;
let documentClient: DynamoDBDocumentClient;

async function createTable(name: string, keys: string[]): Promise<void> {
  const KeySchema: KeySchemaElement[] = keys.map((key, index) => ({
    AttributeName: key,
    KeyType: index === 0 ? "HASH" : "RANGE",
  }));
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema,
      AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: "S" })),
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
}

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  client = emulators.dynamodb;
  documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  await createTable("alerts", ["RuleName", "AlertID"]);
  await createTable("rules", ["RuleName"]);
  await createTable("iocs", ["ioc_value"]);
  await documentClient.send(
    new PutCommand({ TableName: "rules", Item: { RuleName: "new_rule", Staged: true } }),
  );
  await documentClient.send(
    new PutCommand({ TableName: "iocs", Item: { ioc_value: "6.6.6.6", ioc_type: "ip" } }),
  );
});

afterAll(async () => {
  await emulators?.stop();
});

function engineOnEmulator() {
  return createRulesEngine({
    registry: registryOf({
      root_login: rule(
        { logs: ["cloudtrail:events"], outputs: ["slack:sec"] },
        (record) => record.user === "root",
      ),
      new_rule: rule(
        { logs: ["cloudtrail:events"], outputs: ["slack:sec"] },
        (record) => record.user === "root",
      ),
      bad_ip: rule(
        { datatypes: ["sourceAddress"] },
        (record) => record["streamalert:ioc"] !== undefined,
      ),
    }),
    alertWriter: createDynamoAlertWriter({
      client: documentClient,
      table: "alerts",
      sleep: async () => undefined,
    }),
    ruleStaging: createDynamoRuleStaging({ client: documentClient, table: "rules" }),
    threatIntel: createThreatIntel(
      {
        threatIntel: { enabled: true, normalized_ioc_types: { ip: ["sourceAddress"] } },
        clusters: {
          prod: {
            name: "prod",
            classifier_config: {},
            data_sources: {},
            modules: {},
            enable_threat_intel: true,
          },
        },
      },
      createDynamoIocLookup({ client: documentClient, table: "iocs" }),
    ),
    logger: {
      error: () => undefined,
      warn: () => undefined,
      info: () => undefined,
      debug: () => undefined,
    },
  });
}

async function storedAlerts() {
  const { Items = [] } = await client.send(new ScanCommand({ TableName: "alerts" }));
  return Items;
}

describe("rules engine on dynalite", () => {
  const batch = [
    message("m1", [classified({ user: "root", n: 1 })]),
    message("m2", [
      classified({ user: "bob", ...normalized({ sourceAddress: ["6.6.6.6"] }) }),
      classified({ user: "alice", ...normalized({ sourceAddress: ["1.1.1.1"] }) }),
    ]),
  ];

  it("creates each alert once when the same batch is delivered twice", async () => {
    const first = await engineOnEmulator().processMessages(batch);
    const second = await engineOnEmulator().processMessages(batch);
    expect(first).toMatchObject({ batchItemFailures: [], alerts: 3 });
    expect(second).toMatchObject({ batchItemFailures: [], alerts: 3 });

    const items = await storedAlerts();
    const byRule = items.map((item) => item.RuleName.S).sort();
    expect(byRule).toEqual(["bad_ip", "new_rule", "root_login"]);
    const staged = items.find((item) => item.RuleName.S === "new_rule");
    expect(staged?.Staged.BOOL).toBe(true);
    expect(staged?.Outputs.SS).toEqual(["aws-firehose:alerts"]);
    const live = items.find((item) => item.RuleName.S === "root_login");
    expect(live?.Outputs.SS?.sort()).toEqual(["aws-firehose:alerts", "slack:sec"]);
    const intel = items.find((item) => item.RuleName.S === "bad_ip");
    expect(JSON.parse(intel?.Record.S ?? "{}")["streamalert:ioc"]).toEqual({ ip: ["6.6.6.6"] });
  });

  it("reports only the message whose alert could not be written", async () => {
    // DynamoDB items are limited to 400 KB: this alert is rejected, the others are stored.
    const huge = classified({ user: "root", padding: "x".repeat(450_000) });
    const result = await engineOnEmulator().processMessages([
      message("fine-1", [classified({ user: "root", n: 10 })]),
      message("too-big", [huge]),
      message("fine-2", [classified({ user: "root", n: 11 })]),
    ]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "too-big" }]);
    const stored = (await storedAlerts()).map((item) => JSON.parse(item.Record.S ?? "{}").n);
    expect(stored).toEqual(expect.arrayContaining([10, 11]));
  });
});
