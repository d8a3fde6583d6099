// Lookup tables (`lookup_tables.json` enabled): read-only access for the rules engine to each
// configured S3 object and DynamoDB table, nothing broader.
import { Construct } from "constructs";
import type { LookupTablesConfig } from "../../functions/shared/config/types";
import type { StreamAlertFunction } from "../lambda";
import { type AccountContext, arn } from "../shared/names";

export interface LookupTablesProps {
  account: AccountContext;
  config: LookupTablesConfig;
  reader: StreamAlertFunction;
}

export class LookupTables extends Construct {
  constructor(scope: Construct, id: string, props: LookupTablesProps) {
    super(scope, id);
    const tables = Object.values(props.config.tables);
    const objects = tables
      .filter((table) => table.driver === "s3" && table.bucket)
      .map((table) => `arn:aws:s3:::${table.bucket}/${table.key ?? "*"}`);
    const dynamo = tables
      .filter((table) => table.driver === "dynamodb" && table.table)
      .map((table) => arn(props.account, "dynamodb", `table/${table.table}`));
    if (objects.length > 0) {
      props.reader.addToRolePolicy({
        Sid: "ReadLookupTableObjects",
        Action: ["s3:GetObject"],
        Resource: [...new Set(objects)].sort(),
      });
    }
    if (dynamo.length > 0) {
      props.reader.addToRolePolicy({
        Sid: "ReadLookupTableItems",
        Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:DescribeTable"],
        Resource: [...new Set(dynamo)].sort(),
      });
    }
  }
}
