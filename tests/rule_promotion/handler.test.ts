import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { handler } from "../../functions/rule_promotion/handler";
import { createDynamoStagedRulesTable } from "../../functions/rule_promotion/staged-rules-table";
import { type Emulators, startEmulators } from "../helpers/emulators";

const TABLE = "acme_streamalert_rules";
const FUNCTION = "acme_streamalert_rule_promotion";
const HOUR = 3_600_000;
const athena = mockClient(AthenaClient);
const sns = mockClient(SNSClient);
const context = {
  functionName: FUNCTION,
  invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${FUNCTION}:production`,
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;
const digestEvent = {
  "detail-type": "Scheduled Event",
  resources: [`arn:aws:events:us-east-1:123456789012:rule/${FUNCTION}_digest`],
};
const promotionEvent = {
  "detail-type": "Scheduled Event",
  resources: [`arn:aws:events:us-east-1:123456789012:rule/${FUNCTION}_schedule`],
};

let emulators: Emulators;
let documents: DynamoDBDocumentClient;
let tableNumber = 0;

const dtHour = (time: number) => new Date(time).toISOString().slice(0, 13).replace("T", "-");

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.endpoints.dynamodb;
  process.env.DIGEST_TOPIC = "acme_streamalert_rule_staging_stats";
  process.env.ATHENA_DATABASE = "acme_streamalert";
  process.env.ATHENA_RESULTS_BUCKET = "acme-streamalert-athena-results";
  documents = DynamoDBDocumentClient.from(emulators.dynamodb);
});
afterAll(async () => {
  for (const name of [
    "AWS_ENDPOINT_URL_DYNAMODB",
    "DIGEST_TOPIC",
    "ATHENA_DATABASE",
    "ATHENA_RESULTS_BUCKET",
    "RULES_TABLE",
  ]) {
    delete process.env[name];
  }
  athena.restore();
  sns.restore();
  await emulators.stop();
});

interface Staging {
  name: string;
  staged: boolean;
  at: number;
  until: number;
}

/** A fresh rules table with these items; RULES_TABLE points at it. */
async function rulesTable(rules: Staging[]): Promise<string> {
  const table = `${TABLE}_${++tableNumber}`;
  await emulators.dynamodb.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: "RuleName", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "RuleName", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  for (const rule of rules) {
    await documents.send(
      new PutCommand({
        TableName: table,
        Item: {
          RuleName: rule.name,
          Staged: rule.staged,
          StagedAt: new Date(rule.at).toISOString(),
          StagedUntil: new Date(rule.until).toISOString(),
        },
      }),
    );
  }
  process.env.RULES_TABLE = table;
  return table;
}

const stagedFlag = async (table: string, name: string) =>
  (await documents.send(new GetCommand({ TableName: table, Key: { RuleName: name } }))).Item
    ?.Staged;

/** Athena answers: the count statement succeeds with these rows; listings get ids list-<n>. */
function athenaCounts(rows: Array<[string, number]>) {
  let listings = 0;
  athena.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string }) => ({
    QueryExecutionId: input.QueryString.includes("count(*)") ? "count-1" : `list-${++listings}`,
  }));
  athena
    .on(GetQueryExecutionCommand)
    .resolves({ QueryExecution: { Status: { State: "SUCCEEDED" } } });
  athena.on(GetQueryResultsCommand).resolves({
    ResultSet: {
      Rows: [
        { Data: [{ VarCharValue: "rule_name" }, { VarCharValue: "count" }] },
        ...rows.map(([name, count]) => ({
          Data: [{ VarCharValue: name }, { VarCharValue: String(count) }],
        })),
      ],
    },
  });
}

beforeEach(() => {
  athena.reset();
  sns.reset();
});

describe("rule promotion handler", () => {
  it("promotes rules past their window without alerts; keeps the others staged", async () => {
    const now = Date.now();
    const table = await rulesTable([
      { name: "quiet_rule", staged: true, at: now - 50 * HOUR, until: now - 2 * HOUR },
      { name: "noisy_rule", staged: true, at: now - 49 * HOUR, until: now - HOUR },
      { name: "young_rule", staged: true, at: now - HOUR, until: now + 47 * HOUR },
      { name: "live_rule", staged: false, at: now - 99 * HOUR, until: now - 51 * HOUR },
    ]);
    athenaCounts([["noisy_rule", 2]]);

    const summary = await handler(promotionEvent, context);

    expect(summary).toEqual({
      staged: 3,
      promoted: ["quiet_rule"],
      keptStaged: ["noisy_rule"],
      digestSent: false,
    });
    expect(await stagedFlag(table, "quiet_rule")).toBe(false);
    expect(await stagedFlag(table, "noisy_rule")).toBe(true);
    expect(await stagedFlag(table, "young_rule")).toBe(true);
    const starts = athena.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input);
    expect(starts).toHaveLength(1);
    expect(starts[0].QueryString).toBe(
      "SELECT rule_name, count(*) AS count FROM alerts WHERE " +
        `(dt >= '${dtHour(now - 49 * HOUR)}' AND rule_name = 'noisy_rule') OR ` +
        `(dt >= '${dtHour(now - 50 * HOUR)}' AND rule_name = 'quiet_rule') OR ` +
        `(dt >= '${dtHour(now - HOUR)}' AND rule_name = 'young_rule') GROUP BY rule_name`,
    );
    expect(starts[0].QueryExecutionContext).toEqual({ Database: "acme_streamalert" });
    expect(starts[0].ResultConfiguration?.OutputLocation).toMatch(
      /^s3:\/\/acme-streamalert-athena-results\/rule_promoter\//,
    );
    expect(athena.commandCalls(GetQueryResultsCommand)[0].args[0].input).toEqual({
      QueryExecutionId: "count-1",
    });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it("on the digest schedule publishes the digest, with an alert listing for rules that alerted", async () => {
    const now = Date.now();
    await rulesTable([
      { name: "noisy_rule", staged: true, at: now - 10 * HOUR, until: now + 38 * HOUR },
      { name: "quiet_rule", staged: true, at: now - 5 * HOUR, until: now + 43 * HOUR },
    ]);
    athenaCounts([["noisy_rule", 7]]);

    const summary = await handler(digestEvent, context);

    expect(summary.digestSent).toBe(true);
    const starts = athena.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input);
    expect(starts.map((s) => s.QueryString)).toEqual([
      expect.stringContaining("count(*)"),
      "SELECT alert_id, rule_name, created, cluster, log_source, source_entity, record FROM alerts " +
        `WHERE (dt >= '${dtHour(now - 10 * HOUR)}' AND rule_name = 'noisy_rule') ORDER BY created DESC`,
    ]);
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published).toHaveLength(1);
    expect(published[0].TopicArn).toBe(
      "arn:aws:sns:us-east-1:123456789012:acme_streamalert_rule_staging_stats",
    );
    expect(published[0].Subject).toMatch(/^Alert statistics for 2 staged rule\(s\) \[/);
    const message = published[0].Message ?? "";
    expect(message.indexOf("noisy_rule")).toBeLessThan(message.indexOf("quiet_rule"));
    expect(message).toContain("#query/history/list-1");
  });

  it("promotes nothing when the alert count fails in Athena", async () => {
    const now = Date.now();
    const table = await rulesTable([
      { name: "quiet_rule", staged: true, at: now - 50 * HOUR, until: now - 2 * HOUR },
    ]);
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "count-1" });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { Status: { State: "FAILED", StateChangeReason: "Table alerts not found" } },
    });

    await expect(handler(promotionEvent, context)).rejects.toThrow(/Table alerts not found/);
    expect(await stagedFlag(table, "quiet_rule")).toBe(true);
  });

  it("sends no digest and runs no query when no rule is staged", async () => {
    await rulesTable([{ name: "live", staged: false, at: 0, until: 1 }]);
    const summary = await handler(digestEvent, context);
    expect(summary.staged).toBe(0);
    expect(athena.calls()).toHaveLength(0);
    expect(sns.calls()).toHaveLength(0);
  });

  it("does not promote a rule re-staged after it was read", async () => {
    const now = Date.now();
    const table = await rulesTable([
      { name: "restaged", staged: true, at: now - 50 * HOUR, until: now - HOUR },
    ]);
    const staged = createDynamoStagedRulesTable(documents, table);
    const [rule] = await staged.stagedRules();
    await documents.send(
      new PutCommand({
        TableName: table,
        Item: {
          RuleName: "restaged",
          Staged: true,
          StagedAt: new Date(now).toISOString(),
          StagedUntil: new Date(now + 48 * HOUR).toISOString(),
        },
      }),
    );
    expect(await staged.promote(rule)).toBe(false);
    expect(await stagedFlag(table, "restaged")).toBe(true);
  });
});
