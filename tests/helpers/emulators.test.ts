import { gunzipSync, gzipSync } from "node:zlib";
import { CreateTableCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { type Emulators, startEmulators } from "./emulators";

// The emulator helpers everyone reuses: each service reachable through the shared client settings.
describe("startEmulators", () => {
  let emulators: Emulators;
  beforeAll(async () => {
    emulators = await startEmulators(["dynamodb", "s3"]);
  });
  afterAll(() => emulators?.stop());

  it("listens on 127.0.0.1 random ports", () => {
    expect(emulators.endpoints.dynamodb).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulators.endpoints.s3).not.toBe(emulators.endpoints.dynamodb);
  });

  it("creates DynamoDB tables that are ACTIVE at once", async () => {
    await emulators.dynamodb.send(
      new CreateTableCommand({
        TableName: "acme_streamalert_alerts",
        AttributeDefinitions: [{ AttributeName: "RuleName", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "RuleName", KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
    const { Table } = await emulators.dynamodb.send(
      new DescribeTableCommand({ TableName: "acme_streamalert_alerts" }),
    );
    expect(Table?.TableStatus).toBe("ACTIVE");
  });

  it("stores binary S3 objects uncorrupted", async () => {
    const body = gzipSync("hello\n".repeat(1000));
    await emulators.s3.send(new CreateBucketCommand({ Bucket: "bucket" }));
    await emulators.s3.send(new PutObjectCommand({ Bucket: "bucket", Key: "a b.gz", Body: body }));
    const object = await emulators.s3.send(
      new GetObjectCommand({ Bucket: "bucket", Key: "a b.gz" }),
    );
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    expect(gunzipSync(stored).toString()).toBe("hello\n".repeat(1000));
  });
});
