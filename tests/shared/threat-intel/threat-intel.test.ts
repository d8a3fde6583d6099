import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import type { ClassifiedRecord } from "../../../functions/shared/classified-record";
import type { ClusterConfig, ThreatIntelConfig } from "../../../functions/shared/config/types";
import {
  compileExclusions,
  createDynamoIocLookup,
  createStaticIocLookup,
  createThreatIntel,
} from "../../../functions/shared/threat-intel";

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(documentClient);
afterEach(() => dynamo.reset());
const noSleep = async () => undefined;

const keysOf = (input: BatchGetCommandInput) =>
  (input.RequestItems?.iocs.Keys ?? []).map((key) => key.ioc_value as string);

describe("IOC exclusions", () => {
  const exclusions = compileExclusions({
    ip: { "10.0.0.0/8": { comment: "RFC1918" }, "2001:db8::/32": {}, "8.8.8.8": {} },
    domain: ["corp.example.com"],
  });
  it.each([
    ["ip", "10.1.2.3", true],
    ["ip", "11.1.2.3", false],
    ["ip", "8.8.8.8", true],
    ["ip", "2001:db8::1", true],
    ["ip", "2001:db9::1", false],
    ["ip", "ec2.amazonaws.com", true],
    ["domain", "corp.example.com", true],
    ["domain", "sub.corp.example.com", false],
    ["md5", "corp.example.com", false],
  ])("%s %s excluded: %s", (type, value, excluded) => {
    expect(exclusions.isExcluded(type, value)).toBe(excluded);
  });

  it("names a bad CIDR in the config error", () => {
    expect(() => compileExclusions({ ip: ["10.0.0.0/33"] })).toThrow(
      /excluded_iocs\.ip: "10\.0\.0\.0\/33"/,
    );
  });
});

describe("DynamoDB IOC lookup", () => {
  it("asks at most 100 keys per BatchGetItem", async () => {
    dynamo.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => ({
      Responses: {
        iocs: keysOf(input)
          .filter((v) => v.endsWith("7"))
          .map((v) => ({ ioc_value: v })),
      },
    }));
    const values = Array.from({ length: 250 }, (_, i) => `1.1.${Math.floor(i / 250)}.${i}`);
    const found = await createDynamoIocLookup({ client: documentClient, table: "iocs" }).findKnown(
      values,
    );
    const sizes = dynamo
      .commandCalls(BatchGetCommand)
      .map((call) => keysOf(call.args[0].input).length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(found.size).toBe(25);
  });

  it("retries only the unprocessed keys", async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { iocs: [{ ioc_value: "a" }] },
        UnprocessedKeys: { iocs: { Keys: [{ ioc_value: "c" }] } },
      })
      .resolvesOnce({ Responses: { iocs: [{ ioc_value: "c" }] } });
    const lookup = createDynamoIocLookup({ client: documentClient, table: "iocs", sleep: noSleep });
    expect(await lookup.findKnown(["a", "b", "c"])).toEqual(new Set(["a", "c"]));
    const calls = dynamo.commandCalls(BatchGetCommand).map((call) => keysOf(call.args[0].input));
    expect(calls).toEqual([["a", "b", "c"], ["c"]]);
  });

  it("gives up after maxAttempts and keeps what it found", async () => {
    dynamo.on(BatchGetCommand).resolves({
      Responses: { iocs: [] },
      UnprocessedKeys: { iocs: { Keys: [{ ioc_value: "a" }] } },
    });
    const lookup = createDynamoIocLookup({
      client: documentClient,
      table: "iocs",
      sleep: noSleep,
      maxAttempts: 3,
    });
    expect(await lookup.findKnown(["a"])).toEqual(new Set());
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(3);
  });
});

describe("threat intel enrichment", () => {
  const cluster = (name: string, enabled: boolean): ClusterConfig => ({
    name,
    classifier_config: {},
    data_sources: {},
    modules: {},
    enable_threat_intel: enabled,
  });
  const threatIntel: ThreatIntelConfig = {
    enabled: true,
    normalized_ioc_types: {
      ip: ["sourceAddress", "destinationAddress"],
      domain: ["destinationDomain"],
    },
    excluded_iocs: { ip: { "10.0.0.0/8": {} } },
  };
  const config = {
    threatIntel,
    clusters: { prod: cluster("prod", true), dev: cluster("dev", false) },
  };
  const lookup = createStaticIocLookup([
    { ioc_value: "6.6.6.6", ioc_type: "ip" },
    { ioc_value: "10.0.0.1", ioc_type: "ip" },
    { ioc_value: "evil.com", ioc_type: "domain" },
  ]);
  const payload = (
    clusterName: string,
    normalization: Record<string, unknown>,
  ): ClassifiedRecord => ({
    cluster: clusterName,
    log_schema_type: "cloudwatch:flow_logs",
    service: "kinesis",
    resource: "s",
    data_type: "json",
    record: { streamalert_normalization: { streamalert_record_id: "x", ...normalization } },
  });

  it("marks v2-normalized records with the IOC types and values found", async () => {
    const v2 = payload("prod", {
      sourceAddress: [{ function: "src", values: ["6.6.6.6", "1.1.1.1"] }],
      destinationAddress: [{ function: "dst", values: ["10.0.0.1"] }],
      destinationDomain: [{ function: "dns", values: ["evil.com"] }],
    });
    const intel = createThreatIntel(config, lookup);
    expect(await intel?.enrich([v2])).toBe(1);
    expect(v2.record["streamalert:ioc"]).toEqual({ ip: ["6.6.6.6"], domain: ["evil.com"] });
  });

  it("also reads legacy v1 values and skips clusters without threat intel", async () => {
    const v1 = payload("prod", { sourceAddress: ["6.6.6.6"] });
    const dev = payload("dev", { sourceAddress: ["6.6.6.6"] });
    await createThreatIntel(config, lookup)?.enrich([v1, dev]);
    expect(v1.record["streamalert:ioc"]).toEqual({ ip: ["6.6.6.6"] });
    expect(dev.record).not.toHaveProperty("streamalert:ioc");
  });

  it("is off when disabled or when no cluster enables it", () => {
    expect(
      createThreatIntel({ ...config, threatIntel: { ...threatIntel, enabled: false } }, lookup),
    ).toBeUndefined();
    expect(
      createThreatIntel({ threatIntel, clusters: { dev: cluster("dev", false) } }, lookup),
    ).toBeUndefined();
  });
});
