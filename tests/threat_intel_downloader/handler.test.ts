// The downloader as Lambda runs it: credentials from a mocked SSM, a local ThreatStream
// stand-in, IOCs into a dynalite table, and the continuation through a mocked Lambda invoke.
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { handler } from "../../functions/threat_intel_downloader/handler";
import { type Emulators, startEmulators } from "../helpers/emulators";
import {
  API_KEY,
  API_USER,
  ioc,
  startThreatStream,
  type ThreatStreamStandIn,
} from "./threatstream-stand-in";

const FUNCTION = "acme_streamalert_threat_intel_downloader";
const ssm = mockClient(SSMClient);
const lambda = mockClient(LambdaClient);
let emulators: Emulators;
let standIn: ThreatStreamStandIn;
let tableNumber = 0;

const contextWith = (remainingMs: number) =>
  ({
    functionName: FUNCTION,
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${FUNCTION}:production`,
    getRemainingTimeInMillis: () => remainingMs,
  }) as unknown as Context;

// conf/lambda.json: ioc_filters ["crowdstrike"], ioc_types domain/ip/md5.
const PAGES = [
  [ioc("evil.example", "domain", "crowdstrike"), ioc("1.2.3.4", "ip", "some other feed")],
  [ioc("5.6.7.8", "ip", "Crowdstrike intel", { expiration_ts: null })],
];

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb"]);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.endpoints.dynamodb;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
  delete process.env.THREATSTREAM_API_URL;
  delete process.env.THREAT_INTEL_TABLE;
  ssm.restore();
  lambda.restore();
  await emulators.stop();
});
beforeEach(async () => {
  ssm.reset();
  lambda.reset();
  ssm.on(GetParameterCommand).resolves({
    Parameter: { Value: JSON.stringify({ api_user: API_USER, api_key: API_KEY }) },
  });
  lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
  standIn = await startThreatStream(PAGES);
  process.env.THREATSTREAM_API_URL = standIn.baseUrl;
  const table = `acme_streamalert_threat_intel_downloader_${++tableNumber}`;
  await emulators.dynamodb.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: "ioc_value", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "ioc_value", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  process.env.THREAT_INTEL_TABLE = table;
});
afterEach(() => standIn.close());

async function storedIocs() {
  const { Items } = await DynamoDBDocumentClient.from(emulators.dynamodb).send(
    new ScanCommand({ TableName: process.env.THREAT_INTEL_TABLE }),
  );
  return (Items ?? []).sort((a, b) => String(a.ioc_value).localeCompare(String(b.ioc_value)));
}

describe("threat intel downloader handler", () => {
  it("reads every page with the SSM credentials and writes the kept IOCs with a TTL", async () => {
    const before = Math.floor(Date.now() / 1000);
    const summary = await handler({ "detail-type": "Scheduled Event" }, contextWith(120_000));

    expect(summary).toMatchObject({ pages: 2, written: 2, filteredOut: 1 });
    expect(ssm.commandCalls(GetParameterCommand)[0].args[0].input).toEqual({
      Name: "threat_intel_downloader_api_creds",
      WithDecryption: true,
    });
    const first = standIn.requests[0];
    expect(first.path).toBe("/api/v2/intelligence/");
    expect(first.params.get("q")).toBe(
      '(status="active") AND (type="domain" OR type="ip" OR type="md5") AND NOT (itype="bot_ip" OR itype="brute_ip" OR itype="scan_ip" OR itype="spam_ip" OR itype="tor_ip")',
    );
    const stored = await storedIocs();
    expect(stored[0]).toEqual({
      ioc_value: "5.6.7.8",
      ioc_type: "ip",
      sub_type: "ip_malware",
      source: "Crowdstrike intel",
      expiration_ts: expect.any(Number),
    });
    // no expiration from ThreatStream: 90 days from now
    expect(stored[0].expiration_ts - before).toBeGreaterThanOrEqual(90 * 86_400);
    expect(stored[1]).toEqual({
      ioc_value: "evil.example",
      ioc_type: "domain",
      sub_type: "domain_malware",
      source: "crowdstrike",
      expiration_ts: Math.floor(Date.parse("2030-01-02T03:04:05.678Z") / 1000),
    });
    expect(lambda.calls()).toHaveLength(0);
  });

  it("hands the next page to a new invocation of its alias when time runs short", async () => {
    const summary = await handler({}, contextWith(10_000));

    expect(summary.pages).toBe(1);
    expect((await storedIocs()).map((item) => item.ioc_value)).toEqual(["evil.example"]);
    const invoke = lambda.commandCalls(InvokeCommand)[0].args[0].input;
    expect(invoke).toMatchObject({
      FunctionName: FUNCTION,
      Qualifier: "production",
      InvocationType: "Event",
    });
    const payload = JSON.parse(Buffer.from(invoke.Payload as Uint8Array).toString());
    expect(payload.next_url).toMatch(/^\/api\/v2\/intelligence\/\?.*offset=1000/);
    expect(payload.next_url).not.toContain(API_KEY);
    expect(payload.next_url).not.toContain("username");

    // The continuation starts at that page.
    await handler(payload, contextWith(120_000));
    expect(standIn.requests.at(-1)?.params.get("offset")).toBe("1000");
    expect((await storedIocs()).map((item) => item.ioc_value)).toEqual(["5.6.7.8", "evil.example"]);
  });

  it("stops with a message naming the parameter when the credentials are missing", async () => {
    ssm
      .on(GetParameterCommand)
      .rejects(Object.assign(new Error("Parameter not found"), { name: "ParameterNotFound" }));
    await expect(handler({}, contextWith(120_000))).rejects.toThrow(
      /threat_intel_downloader_api_creds .*ParameterNotFound.*configure --credentials/,
    );
    expect(standIn.requests).toHaveLength(0);
  });
});
