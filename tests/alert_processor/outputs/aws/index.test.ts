import { existsSync } from "node:fs";
import { join } from "node:path";
import { CreateTableCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { FirehoseClient, PutRecordCommand } from "@aws-sdk/client-firehose";
import { SESClient, SendRawEmailCommand } from "@aws-sdk/client-ses";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { STSClient } from "@aws-sdk/client-sts";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { handler } from "../../../../functions/alert_processor/handler";
import {
  createOutputServices,
  OUTPUT_SERVICE_NAMES,
} from "../../../../functions/alert_processor/outputs";
import { toItem } from "../../../../functions/shared/alert";
import type { StreamAlertConfig } from "../../../../functions/shared/config/types";
import { alertOf } from "../../../alert_merger/factories";
import { type Emulators, startEmulators } from "../../../helpers/emulators";

/** Every output service SPEC §5 names; each lives in outputs/<name>.ts. */
const SPEC_SERVICES = [
  "aws-firehose",
  "aws-lambda",
  "aws-lambda-v2",
  "aws-s3",
  "aws-sns",
  "aws-sqs",
  "aws-ses",
  "aws-cloudwatch-log",
  "carbonblack",
  "demisto",
  "github",
  "jira",
  "jira-v2",
  "komand",
  "pagerduty",
  "pagerduty-v2",
  "pagerduty-incident",
  "phantom",
  "slack",
  "teams",
  "victorops",
];
const OUTPUTS_DIR = join(__dirname, "../../../../functions/alert_processor/outputs");

const config = {
  dir: "conf",
  global: {
    account: { aws_account_id: "123456789012", prefix: "acme", region: "us-west-2" },
    general: {},
    infrastructure: {},
  },
  lambda: {},
  clusters: {},
  outputs: { "aws-sns": { oncall: "acme_security_oncall" }, "aws-ses": ["soc"] },
  logs: {},
  normalizedTypes: {},
  threatIntel: { enabled: false },
  lookupTables: { enabled: false, tables: {} },
} satisfies StreamAlertConfig;

jest.mock("../../../../functions/shared/runtime-config", () => ({
  getRuntimeConfig: () => config,
}));

describe("createOutputServices", () => {
  it("returns every SPEC §5 service whose file exists, keyed by its outputs.json name", () => {
    const services = createOutputServices();

    const present = SPEC_SERVICES.filter((name) => existsSync(join(OUTPUTS_DIR, `${name}.ts`)));
    for (const name of present) expect(services).toHaveProperty([name]);
    for (const [name, service] of Object.entries(services)) expect(service.service).toBe(name);
    expect(Object.keys(services).sort()).toEqual([...OUTPUT_SERVICE_NAMES].sort());
    expect(OUTPUT_SERVICE_NAMES).toEqual(expect.arrayContaining(SPEC_SERVICES.slice(0, 8)));
  });
});

describe("alert processor handler without setProcessorDependencies", () => {
  const TABLE = "acme_streamalert_alerts";
  const firehose = mockClient(FirehoseClient);
  const sns = mockClient(SNSClient);
  const ses = mockClient(SESClient);
  const ssm = mockClient(SSMClient);
  const sts = mockClient(STSClient);
  const saved = {
    region: process.env.AWS_REGION,
    dynamodb: process.env.AWS_ENDPOINT_URL_DYNAMODB,
  };
  let emulators: Emulators;

  beforeAll(async () => {
    emulators = await startEmulators(["dynamodb"]);
    // what the Lambda environment gives: the region, and here the table on dynalite
    process.env.AWS_REGION = "us-west-2";
    process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.endpoints.dynamodb;
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
    firehose.on(PutRecordCommand).resolves({ RecordId: "r" });
    sns.on(PublishCommand).resolves({ MessageId: "m" });
    ses.on(SendRawEmailCommand).resolves({ MessageId: "e" });
    ssm.on(GetParameterCommand, { Name: "/acme/streamalert/outputs/aws-ses/soc" }).resolves({
      Parameter: {
        Value: JSON.stringify({ from_email: "sa@acme.example", to_emails: "soc@acme.example" }),
      },
    });
  });

  afterAll(async () => {
    for (const mock of [firehose, sns, ses, ssm, sts]) mock.restore();
    for (const [name, value] of [
      ["AWS_REGION", saved.region],
      ["AWS_ENDPOINT_URL_DYNAMODB", saved.dynamodb],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emulators?.stop();
  });

  it("sends through the default output services and SSM credentials, then deletes the alert", async () => {
    const alert = alertOf({
      alertId: "default-wiring",
      outputs: ["aws-firehose:alerts", "aws-sns:oncall", "aws-ses:soc"],
    });
    await DynamoDBDocumentClient.from(emulators.dynamodb).send(
      new PutCommand({ TableName: TABLE, Item: { ...toItem(alert) } }),
    );

    const result = await handler({ RuleName: alert.ruleName, AlertID: alert.alertId });

    expect(result.outputs).toEqual({
      "aws-firehose:alerts": { sent: true },
      "aws-sns:oncall": { sent: true },
      "aws-ses:soc": { sent: true },
    });
    expect(result.table).toBe("deleted");
    expect(firehose.commandCalls(PutRecordCommand)[0].args[0].input.DeliveryStreamName).toBe(
      "acme_streamalert_alert_delivery",
    );
    // the topic ARN takes the account from global.json: no STS call in the hot path
    expect(sns.commandCalls(PublishCommand)[0].args[0].input.TopicArn).toBe(
      "arn:aws:sns:us-west-2:123456789012:acme_security_oncall",
    );
    expect(sts.calls()).toHaveLength(0);
    expect(ses.commandCalls(SendRawEmailCommand)[0].args[0].input.Destinations).toEqual([
      "soc@acme.example",
    ]);
    const left = await emulators.dynamodb.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { RuleName: { S: alert.ruleName }, AlertID: { S: alert.alertId } },
      }),
    );
    expect(left.Item).toBeUndefined();
  });
});
