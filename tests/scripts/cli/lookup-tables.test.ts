import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { CreateTableCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  createDynamoLookupTable,
  createS3LookupTable,
} from "../../../functions/shared/lookup-tables";
import { type Emulators, startEmulators } from "../../helpers/emulators";
import { runCli, type TempConf, tempConf } from "./run-cli";

const BUCKET = "acme-streamalert-lookup-tables";
const OBJECT = "known_admin_hosts.json.gz";
let emulators: Emulators;
let conf: TempConf;

beforeAll(async () => {
  emulators = await startEmulators(["dynamodb", "s3"]);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.endpoints.dynamodb;
  process.env.AWS_ENDPOINT_URL_S3 = emulators.endpoints.s3;
  await emulators.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const keyed = (name: string, keys: string[]) =>
    emulators.dynamodb.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: keys.map((AttributeName, index) => ({
          AttributeName,
          KeyType: index === 0 ? "HASH" : "RANGE",
        })),
        AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
  await keyed("acme_employee_directory", ["username"]);
  await keyed("acme_device_owners", ["username", "device"]);
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
  delete process.env.AWS_ENDPOINT_URL_S3;
  await emulators.stop();
});
beforeEach(() => {
  conf = tempConf();
  // the example tables plus one with a sort key
  const lookup = conf.json("lookup_tables.json") as { tables: Record<string, unknown> };
  lookup.tables.device_owners = {
    driver: "dynamodb",
    table: "acme_device_owners",
    partition_key: "username",
    sort_key: "device",
    value_key: "owner",
  };
  writeFileSync(join(conf.conf, "lookup_tables.json"), JSON.stringify(lookup, null, 2));
});
afterEach(() => conf.remove());

const cli = (...args: string[]) => runCli(["lookup-tables", ...args, "-c", conf.conf]);

test("describe-tables shows each table's driver and where its data is, without AWS", async () => {
  const run = await cli("describe-tables");
  expect(run.exitCode).toBe(0);
  expect(run.stdout.split("\n")).toEqual(
    expect.arrayContaining([
      "lookup tables disabled (rules get their defaults): 3 tables in lookup_tables.json",
      "known_admin_hosts",
      `  driver: s3, object s3://${BUCKET}/${OBJECT} (gzip): one JSON object of key → value`,
      "  driver: dynamodb, table acme_device_owners: key username:device, value in attribute owner",
    ]),
  );
});

test("set on an s3 table writes the gzipped JSON object the rules engine's s3 driver reads", async () => {
  expect(
    (await cli("set", "-t", "known_admin_hosts", "-k", "bastion-1", "-v", '["10.0.0.5"]', "-j"))
      .exitCode,
  ).toBe(0);
  const second = await cli("set", "-t", "known_admin_hosts", "-k", "bastion-2", "-v", "10.0.0.6");
  expect(second.exitCode).toBe(0);
  expect(second.stdout).toContain('(new key) -> "10.0.0.6"');

  const object = await emulators.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: OBJECT }));
  const stored = JSON.parse(gunzipSync(await object.Body!.transformToByteArray()).toString());
  expect(stored).toEqual({ "bastion-1": ["10.0.0.5"], "bastion-2": "10.0.0.6" });
  const driver = createS3LookupTable({ client: emulators.s3, bucket: BUCKET, key: OBJECT });
  expect(await driver.get("bastion-1")).toEqual(["10.0.0.5"]);

  const get = await cli("get", "-t", "known_admin_hosts", "-k", "bastion-1");
  expect(get.exitCode).toBe(0);
  expect(JSON.parse(get.stdout)).toEqual(["10.0.0.5"]);
});

test("set on a dynamodb table puts the value attribute, keeps the item's other attributes", async () => {
  await emulators.dynamodb.send(
    new PutItemCommand({
      TableName: "acme_employee_directory",
      Item: { username: { S: "alice" }, team: { S: "security" }, profile: { S: "old" } },
    }),
  );
  const run = await cli(
    "set",
    "-t",
    "employee_directory",
    "-k",
    "alice",
    "-v",
    '{"title":"SRE","admin":true}',
    "--json",
  );
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('"old" -> {"title":"SRE","admin":true}');
  const documents = DynamoDBDocumentClient.from(emulators.dynamodb);
  const driver = createDynamoLookupTable({
    client: documents,
    table: "acme_employee_directory",
    partitionKey: "username",
    valueKey: "profile",
  });
  expect(await driver.get("alice")).toEqual({ title: "SRE", admin: true });
  const get = await cli("get", "-t", "employee_directory", "-k", "alice");
  expect(JSON.parse(get.stdout)).toEqual({ title: "SRE", admin: true });
  const { Item } = await documents.send(
    new GetCommand({ TableName: "acme_employee_directory", Key: { username: "alice" } }),
  );
  expect(Item?.team).toBe("security");
});

test("a table with a sort key takes <partition>:<sort> keys, as the driver splits them", async () => {
  expect(
    (await cli("set", "-t", "device_owners", "-k", "bob:laptop-7", "-v", "it-dept")).exitCode,
  ).toBe(0);
  const driver = createDynamoLookupTable({
    client: DynamoDBDocumentClient.from(emulators.dynamodb),
    table: "acme_device_owners",
    partitionKey: "username",
    sortKey: "device",
    valueKey: "owner",
  });
  expect(await driver.get("bob:laptop-7")).toBe("it-dept");
  const bad = await cli("set", "-t", "device_owners", "-k", "bob", "-v", "x");
  expect(bad.exitCode).toBe(1);
  expect(bad.stderr).toContain('table device_owners keys are <username>:<device>, got "bob"');
});

test("get of a missing key or an unknown table, and set of invalid JSON, are errors", async () => {
  const missing = await cli("get", "-t", "employee_directory", "-k", "nobody");
  expect(missing.exitCode).toBe(1);
  expect(missing.stderr).toContain('employee_directory has no key "nobody"');
  const unknown = await cli("get", "-t", "employees", "-k", "alice");
  expect(unknown.exitCode).toBe(1);
  expect(unknown.stderr).toContain(
    'no lookup table "employees" in lookup_tables.json; tables: device_owners, employee_directory, known_admin_hosts',
  );
  const json = await cli("set", "-t", "employee_directory", "-k", "alice", "-v", "{oops", "-j");
  expect(json.exitCode).toBe(1);
  expect(json.stderr).toContain("--value is not valid JSON");
});

test("a table whose DynamoDB table does not exist reports the AWS error", async () => {
  const lookup = conf.json("lookup_tables.json") as { tables: Record<string, { table?: string }> };
  lookup.tables.employee_directory.table = "acme_missing_table";
  writeFileSync(join(conf.conf, "lookup_tables.json"), JSON.stringify(lookup));
  const run = await cli("get", "-t", "employee_directory", "-k", "alice");
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(
    "could not use DynamoDB table acme_missing_table: ResourceNotFoundException",
  );
});
