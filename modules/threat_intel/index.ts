// Threat intel (`threat_intel.json` enabled): the IOC table (hash ioc_value, range ioc_type, TTL on
// expiration_ts), read by the rules engine, and the ThreatStream downloader when its lambda.json
// block is enabled (scheduled, writes IOCs, reads its API credentials from SSM).
import { DynamodbTable } from "@cdktn/provider-aws/lib/dynamodb-table";
import { Construct } from "constructs";
import type { LambdaSettings } from "../../functions/shared/config/types";
import { type FunctionArtifact, StreamAlertFunction } from "../lambda";
import { type AccountContext, arn, globalNames } from "../shared/names";

export interface ThreatIntelProps {
  account: AccountContext;
  /** @default `<prefix>_streamalert_threat_intel_downloader` */
  tableName?: string;
  rulesEngine: StreamAlertFunction;
  /** `threat_intel_downloader_config`; a downloader is created when `enabled` is true */
  downloaderSettings?: LambdaSettings;
  downloaderArtifact: FunctionArtifact;
  alarmTopicArn: string;
  runtime?: string;
}

export class ThreatIntel extends Construct {
  readonly table: DynamodbTable;
  readonly downloader?: StreamAlertFunction;

  constructor(scope: Construct, id: string, props: ThreatIntelProps) {
    super(scope, id);
    const { account } = props;
    const tableName = props.tableName ?? globalNames(account.prefix).threatIntelTable;
    this.table = new DynamodbTable(this, "ioc_table", {
      name: tableName,
      hashKey: "ioc_value",
      attribute: [{ name: "ioc_value", type: "S" }],
      billingMode: "PAY_PER_REQUEST",
      ttl: { attributeName: "expiration_ts", enabled: true },
      serverSideEncryption: { enabled: true },
    });
    props.rulesEngine.addToRolePolicy({
      Sid: "ReadThreatIntel",
      Action: ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"],
      Resource: this.table.arn,
    });
    const settings = props.downloaderSettings;
    if (settings?.enabled !== true) return;
    this.downloader = new StreamAlertFunction(this, "downloader", {
      functionName: `${account.prefix}_streamalert_threat_intel_downloader`,
      description: "StreamAlert threat intel downloader: ThreatStream IOCs into DynamoDB",
      artifact: props.downloaderArtifact,
      settings: { ...settings, schedule_expression: settings.schedule_expression ?? "rate(1 day)" },
      runtime: props.runtime,
      alarmTopicArn: props.alarmTopicArn,
      environment: { THREAT_INTEL_TABLE: tableName },
    });
    this.downloader.addToRolePolicy({
      Sid: "WriteIocs",
      Action: ["dynamodb:PutItem", "dynamodb:BatchWriteItem"],
      Resource: this.table.arn,
    });
    this.downloader.addToRolePolicy({
      Sid: "ContinueInNewInvocation",
      Action: ["lambda:InvokeFunction"],
      Resource: this.downloader.alias.arn,
    });
    this.downloader.addToRolePolicy({
      Sid: "ReadApiCredentials",
      Action: ["ssm:GetParameter"],
      Resource: arn(account, "ssm", "parameter/threat_intel_downloader_api_creds"),
    });
  }
}
