// Security rules over synthesized Terraform JSON: every bucket encrypted, public access blocked
// and TLS-only; tables, queues, streams and topics encrypted; no IAM policy allowing `*` actions,
// or a whole service (`svc:*`) on `*` resources (CloudWatch Logs excepted, as AWS requires).

export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
}

export interface Finding {
  resource: string;
  rule: string;
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function referencesBucket(body: Record<string, unknown>, name: string): boolean {
  return String(body.bucket ?? "").includes(`aws_s3_bucket.${name}.`);
}

function anyReferences(resources: Resources, type: string, bucket: string): boolean {
  return Object.values(resources[type] ?? {}).some((body) => referencesBucket(body, bucket));
}

function policyStrings(resources: Resources): Array<{ resource: string; policy: string }> {
  const found: Array<{ resource: string; policy: string }> = [];
  for (const [type, bodies] of Object.entries(resources)) {
    for (const [name, body] of Object.entries(bodies)) {
      for (const key of ["policy", "assume_role_policy"]) {
        if (typeof body[key] === "string")
          found.push({ resource: `${type}.${name}`, policy: body[key] as string });
      }
    }
  }
  return found;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];

function checkPolicy(resource: string, text: string, findings: Finding[]): void {
  const document = JSON.parse(text) as { Statement?: Array<Record<string, unknown>> };
  const isKeyPolicy = resource.startsWith("aws_kms_key.");
  for (const statement of document.Statement ?? []) {
    if (statement.Effect === "Deny") continue;
    const actions = asList(statement.Action);
    const resources = asList(statement.Resource);
    if (
      statement.Principal === "*" ||
      asList((statement.Principal as Record<string, unknown>)?.AWS).includes("*")
    ) {
      findings.push({ resource, rule: "policy allows any principal" });
    }
    // A key policy's "*" resource means the key itself; its admin statement names the account root.
    if (isKeyPolicy) continue;
    if (actions.includes("*")) findings.push({ resource, rule: 'policy allows action "*"' });
    const wholeService = actions.filter(
      (action) => action.endsWith(":*") && !action.startsWith("logs:"),
    );
    if (wholeService.length > 0 && resources.includes("*")) {
      findings.push({ resource, rule: `policy allows ${wholeService.join(", ")} on "*"` });
    }
  }
}

export interface ScanOptions {
  /** `s3_access_logging` is configured: every bucket must log its access */
  requireAccessLogging?: boolean;
}

/** Every rule broken by one stack; empty when it is secure. */
export function scanStack(stack: TerraformJson, options: ScanOptions = {}): Finding[] {
  const resources = (stack.resource ?? {}) as Resources;
  const findings: Finding[] = [];
  for (const name of Object.keys(resources.aws_s3_bucket ?? {})) {
    const resource = `aws_s3_bucket.${name}`;
    if (!anyReferences(resources, "aws_s3_bucket_server_side_encryption_configuration", name)) {
      findings.push({ resource, rule: "bucket not encrypted" });
    }
    const blocks = Object.values(resources.aws_s3_bucket_public_access_block ?? {}).filter((body) =>
      referencesBucket(body, name),
    );
    const blocked = blocks.some(
      (body) =>
        body.block_public_acls &&
        body.block_public_policy &&
        body.ignore_public_acls &&
        body.restrict_public_buckets,
    );
    if (!blocked) findings.push({ resource, rule: "bucket public access not blocked" });
    const policies = Object.values(resources.aws_s3_bucket_policy ?? {}).filter((body) =>
      referencesBucket(body, name),
    );
    const tlsOnly = policies.some((body) =>
      String(body.policy).includes('"aws:SecureTransport":"false"'),
    );
    if (!tlsOnly) findings.push({ resource, rule: "bucket policy does not deny non-TLS access" });
    if (options.requireAccessLogging && !anyReferences(resources, "aws_s3_bucket_logging", name)) {
      findings.push({ resource, rule: "bucket access not logged" });
    }
  }
  for (const [name, body] of Object.entries(resources.aws_dynamodb_table ?? {})) {
    const sse = body.server_side_encryption as { enabled?: boolean } | undefined;
    if (!sse?.enabled)
      findings.push({ resource: `aws_dynamodb_table.${name}`, rule: "table not encrypted" });
  }
  for (const [name, body] of Object.entries(resources.aws_sqs_queue ?? {})) {
    if (!body.sqs_managed_sse_enabled && !body.kms_master_key_id) {
      findings.push({ resource: `aws_sqs_queue.${name}`, rule: "queue not encrypted" });
    }
  }
  for (const [name, body] of Object.entries(resources.aws_kinesis_stream ?? {})) {
    if (body.encryption_type !== "KMS")
      findings.push({ resource: `aws_kinesis_stream.${name}`, rule: "stream not encrypted" });
  }
  for (const [name, body] of Object.entries(resources.aws_sns_topic ?? {})) {
    if (!body.kms_master_key_id)
      findings.push({ resource: `aws_sns_topic.${name}`, rule: "topic not encrypted" });
  }
  for (const { resource, policy } of policyStrings(resources))
    checkPolicy(resource, policy, findings);
  return findings;
}
