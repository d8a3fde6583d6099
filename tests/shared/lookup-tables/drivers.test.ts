import { gzipSync } from "node:zlib";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, type GetObjectCommandOutput, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient, GetCommand, type GetCommandInput } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import {
  createDynamoLookupTable,
  createLookupTableDrivers,
  createLookupTableReader,
  createS3LookupTable,
} from "../../../functions/shared/lookup-tables";

const s3Client = new S3Client({ region: "us-east-1" });
const s3 = mockClient(s3Client);
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(documentClient);
afterEach(() => {
  s3.reset();
  dynamo.reset();
});

// The driver only reads the body as bytes; this stands in for the SDK's stream mixin.
const body = (bytes: Buffer) =>
  ({
    transformToByteArray: async () => new Uint8Array(bytes),
  }) as unknown as GetObjectCommandOutput["Body"];

describe("s3 lookup table", () => {
  it.each([
    ["plain JSON", Buffer.from('{"mallory": {"level": 3}}'), undefined],
    ["gzip declared", gzipSync('{"mallory": {"level": 3}}'), "gzip" as const],
    ["gzip detected", gzipSync('{"mallory": {"level": 3}}'), undefined],
  ])("reads %s", async (_case, bytes, compression) => {
    s3.on(GetObjectCommand).resolves({ Body: body(bytes) });
    const table = createS3LookupTable({
      client: s3Client,
      bucket: "b",
      key: "k.json",
      compression,
    });
    expect(await table.get("mallory")).toEqual({ level: 3 });
    expect(await table.get("alice")).toBeUndefined();
  });

  it("loads once per refresh interval and keeps old data when a reload fails", async () => {
    let clock = 0;
    s3.on(GetObjectCommand)
      .resolvesOnce({ Body: body(Buffer.from('{"k": 1}')) })
      .rejectsOnce(new Error("S3 down"))
      .resolvesOnce({ Body: body(Buffer.from('{"k": 2}')) });
    const table = createS3LookupTable({
      client: s3Client,
      bucket: "b",
      key: "k",
      cacheRefreshMinutes: 5,
      now: () => clock,
    });
    expect(await Promise.all([table.get("k"), table.get("k")])).toEqual([1, 1]);
    clock = 4 * 60_000;
    expect(await table.get("k")).toBe(1);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
    clock = 5 * 60_000;
    expect(await table.get("k")).toBe(1); // reload failed: previous data
    clock = 10 * 60_000;
    expect(await table.get("k")).toBe(2);
  });
});

describe("dynamodb lookup table", () => {
  const options = {
    client: documentClient,
    table: "t",
    partitionKey: "account",
    sortKey: "region",
    valueKey: "owner",
    keyDelimiter: ":",
  };

  it("splits partition and sort key on the delimiter and reads value_key", async () => {
    dynamo.on(GetCommand).resolves({ Item: { owner: "team-a" } });
    const table = createDynamoLookupTable(options);
    expect(await table.get("123:us-east-1:extra")).toBe("team-a");
    const input = dynamo.commandCalls(GetCommand)[0].args[0].input as GetCommandInput;
    expect(input.Key).toEqual({ account: "123", region: "us-east-1:extra" });
    expect(await table.get("no-delimiter")).toBeUndefined();
  });

  it("caches values and misses per key, at most cache_maximum_key_count keys", async () => {
    dynamo
      .on(GetCommand)
      .callsFake((input: GetCommandInput) =>
        input.Key?.account === "missing" ? {} : { Item: { owner: `owner-${input.Key?.account}` } },
      );
    const table = createDynamoLookupTable({ ...options, cacheMaximumKeyCount: 2 });
    await table.get("a:r");
    await table.get("missing:r");
    await table.get("a:r");
    await table.get("missing:r");
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(2);
    await table.get("b:r"); // evicts the least recently used ("a:r")
    await table.get("a:r");
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(4);
  });

  it("does not cache a failed read", async () => {
    dynamo
      .on(GetCommand)
      .rejectsOnce(new Error("throttled"))
      .resolves({ Item: { owner: "x" } });
    const table = createDynamoLookupTable(options);
    expect(await table.get("a:r")).toBeUndefined();
    expect(await table.get("a:r")).toBe("x");
  });
});

describe("lookup table reader", () => {
  it("returns the caller's default for unknown tables and keys", async () => {
    s3.on(GetObjectCommand).resolves({ Body: body(Buffer.from('{"known": false}')) });
    const drivers = createLookupTableDrivers(
      { enabled: true, tables: { users: { driver: "s3", bucket: "b", key: "users.json" } } },
      { s3: () => s3Client, dynamodb: () => documentClient },
    );
    const reader = createLookupTableReader(drivers);
    expect(await reader.get("users", "known", "default")).toBe(false);
    expect(await reader.get("users", "unknown", "default")).toBe("default");
    expect(await reader.get("nope", "known", "default")).toBe("default");
  });

  it("names the table of a bad configuration", () => {
    expect(() =>
      createLookupTableDrivers(
        { enabled: true, tables: { owners: { driver: "dynamodb", table: "t" } } },
        { s3: () => s3Client, dynamodb: () => documentClient },
      ),
    ).toThrow(
      "conf/lookup_tables.json: tables.owners: dynamodb needs table, partition_key and value_key",
    );
  });
});
