import { scanStack, type TerraformJson } from "./security-scan";

const securedBucket = (name: string): TerraformJson["resource"] => ({
  aws_s3_bucket: { [name]: { bucket: name } },
  aws_s3_bucket_server_side_encryption_configuration: {
    [`${name}_sse`]: { bucket: `\${aws_s3_bucket.${name}.id}` },
  },
  aws_s3_bucket_public_access_block: {
    [`${name}_pab`]: {
      bucket: `\${aws_s3_bucket.${name}.id}`,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    },
  },
  aws_s3_bucket_policy: {
    [`${name}_policy`]: {
      bucket: `\${aws_s3_bucket.${name}.id}`,
      policy: JSON.stringify({
        Statement: [
          {
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    },
  },
});

const rolePolicy = (statement: Record<string, unknown>): TerraformJson => ({
  resource: {
    aws_iam_role_policy: {
      p: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", ...statement }] }) },
    },
  },
});

describe("scanStack", () => {
  it("accepts an encrypted, blocked, TLS-only bucket", () => {
    expect(scanStack({ resource: securedBucket("data") })).toEqual([]);
  });

  it("flags a planted public bucket with every missing protection", () => {
    const stack = {
      resource: { ...securedBucket("data"), aws_s3_bucket: { data: {}, open: { bucket: "open" } } },
    };
    expect(scanStack(stack)).toEqual([
      { resource: "aws_s3_bucket.open", rule: "bucket not encrypted" },
      { resource: "aws_s3_bucket.open", rule: "bucket public access not blocked" },
      { resource: "aws_s3_bucket.open", rule: "bucket policy does not deny non-TLS access" },
    ]);
  });

  it("requires access logging only when s3_access_logging is configured", () => {
    const stack = { resource: securedBucket("data") };
    expect(scanStack(stack)).toEqual([]);
    expect(scanStack(stack, { requireAccessLogging: true })).toEqual([
      { resource: "aws_s3_bucket.data", rule: "bucket access not logged" },
    ]);
  });

  it("flags a bucket whose public access block leaves public policies allowed", () => {
    const resource = securedBucket("data");
    const block = resource?.aws_s3_bucket_public_access_block?.data_pab;
    if (block) block.block_public_policy = false;
    expect(scanStack({ resource })).toEqual([
      { resource: "aws_s3_bucket.data", rule: "bucket public access not blocked" },
    ]);
  });

  it.each([
    [{ Action: "*", Resource: "arn:aws:s3:::b" }, 'policy allows action "*"'],
    [{ Action: ["s3:GetObject", "*"], Resource: "*" }, 'policy allows action "*"'],
    [{ Action: "dynamodb:*", Resource: "*" }, 'policy allows dynamodb:* on "*"'],
    [{ Action: "sqs:SendMessage", Resource: "*", Principal: "*" }, "policy allows any principal"],
  ])("flags the planted statement %j", (statement, rule) => {
    expect(scanStack(rolePolicy(statement))).toEqual([{ resource: "aws_iam_role_policy.p", rule }]);
  });

  it.each([
    [{ Action: "logs:*", Resource: "*" }],
    [{ Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-1:1:table/t" }],
    [{ Action: ["ec2:CreateNetworkInterface"], Resource: "*" }],
  ])("accepts %j", (statement) => {
    expect(scanStack(rolePolicy(statement))).toEqual([]);
  });

  it.each([
    ["aws_dynamodb_table", { name: "t" }, "table not encrypted"],
    ["aws_sqs_queue", { name: "q" }, "queue not encrypted"],
    ["aws_kinesis_stream", { name: "s", encryption_type: "NONE" }, "stream not encrypted"],
    ["aws_sns_topic", { name: "t" }, "topic not encrypted"],
  ])("flags an unencrypted %s", (type, body, rule) => {
    expect(scanStack({ resource: { [type]: { x: body } } })).toEqual([
      { resource: `${type}.x`, rule },
    ]);
  });
});
