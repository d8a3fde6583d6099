// Rule staging (`rule_staging.enabled` and `rule_promotion_config.enabled`): the rule promotion
// function on its schedule plus the daily digest schedule, the encrypted digest topic, and access
// to the rules table, Athena and its results.
import { SnsTopic } from "@cdktn/provider-aws/lib/sns-topic";
import { Construct } from "constructs";
import type { LambdaSettings } from "../../functions/shared/config/types";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { type AccountContext, arn, globalNames } from "../shared/names";

export interface RulePromotionProps {
  account: AccountContext;
  settings: LambdaSettings;
  rulesTableArn: string;
  dataKeyArn: string;
  athenaResultsBucketArn?: string;
  dataBucketArn?: string;
  artifact: FunctionArtifact;
  alarmTopicArn: string;
  runtime?: string;
}

export class RulePromotion extends Construct {
  readonly function: StreamAlertFunction;
  readonly digestTopic: SnsTopic;

  constructor(scope: Construct, id: string, props: RulePromotionProps) {
    super(scope, id);
    const { account, settings } = props;
    const names = globalNames(account.prefix);
    this.digestTopic = new SnsTopic(this, "digest_topic", {
      name: String(settings.digest_sns_topic ?? `${account.prefix}_streamalert_rule_staging_stats`),
      kmsMasterKeyId: props.dataKeyArn,
    });
    this.function = new StreamAlertFunction(this, "function", {
      functionName: `${account.prefix}_streamalert_rule_promotion`,
      description: "StreamAlert rule promotion: promotes staged rules, sends the staging digest",
      artifact: props.artifact,
      settings: {
        ...settings,
        schedule_expression: settings.schedule_expression ?? "rate(10 minutes)",
      },
      runtime: props.runtime,
      alarmTopicArn: props.alarmTopicArn,
      environment: {
        RULES_TABLE: names.rulesTable,
        DIGEST_TOPIC: this.digestTopic.name,
        ATHENA_DATABASE: names.athenaDatabase,
        ATHENA_RESULTS_BUCKET: names.athenaResultsBucket,
      },
    });
    const digest = settings.send_digest_schedule_expression;
    if (typeof digest === "string") this.function.addSchedule(digest, "digest");
    const fn = this.function;
    fn.addToRolePolicy({
      Sid: "PromoteRules",
      Action: ["dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem"],
      Resource: props.rulesTableArn,
    });
    fn.addToRolePolicy({
      Sid: "SendDigest",
      Action: ["sns:Publish"],
      Resource: this.digestTopic.arn,
    });
    fn.addToRolePolicy({
      Sid: "EncryptDigest",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: props.dataKeyArn,
    });
    fn.addToRolePolicy({
      Sid: "CountStagedAlerts",
      Action: ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"],
      Resource: arn(account, "athena", "workgroup/primary"),
    });
    const buckets = [props.athenaResultsBucketArn, props.dataBucketArn].filter((b): b is string =>
      Boolean(b),
    );
    if (buckets.length > 0) {
      fn.addToRolePolicy({
        Sid: "AthenaData",
        Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"],
        Resource: buckets.flatMap((bucket) => [bucket, `${bucket}/*`]),
      });
      fn.addToRolePolicy({
        Sid: "AthenaCatalog",
        Action: ["glue:GetTable", "glue:GetDatabase", "glue:GetPartitions"],
        Resource: [
          arn(account, "glue", "catalog"),
          arn(account, "glue", `database/${names.athenaDatabase}`),
          arn(account, "glue", `table/${names.athenaDatabase}/*`),
        ],
      });
    }
  }
}
