// `modules.s3_events`: an existing bucket notifies the classifier alias on ObjectCreated (with
// optional prefix/suffix filters); the classifier may read that bucket's objects only.
import { LambdaPermission } from "@cdktn/provider-aws/lib/lambda-permission";
import { S3BucketNotification } from "@cdktn/provider-aws/lib/s3-bucket-notification";
import { Construct } from "constructs";
import type { StreamAlertFunction } from "../lambda";

export interface S3EventFilter {
  filter_prefix?: string;
  filter_suffix?: string;
}

export interface S3EventsProps {
  bucketName: string;
  target: StreamAlertFunction;
  /** @default one notification for every object */
  filters?: S3EventFilter[];
}

export class S3Events extends Construct {
  constructor(scope: Construct, id: string, props: S3EventsProps) {
    super(scope, id);
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;
    const permission = new LambdaPermission(this, "permission", {
      statementId: `InvokeFromS3_${props.bucketName.replace(/\W/g, "_")}`,
      action: "lambda:InvokeFunction",
      functionName: props.target.function.functionName,
      qualifier: props.target.alias.name,
      principal: "s3.amazonaws.com",
      sourceArn: bucketArn,
    });
    const filters = props.filters?.length ? props.filters : [{}];
    new S3BucketNotification(this, "notification", {
      bucket: props.bucketName,
      lambdaFunction: filters.map((filter) => ({
        lambdaFunctionArn: props.target.alias.arn,
        events: ["s3:ObjectCreated:*"],
        filterPrefix: filter.filter_prefix,
        filterSuffix: filter.filter_suffix,
      })),
      dependsOn: [permission],
    });
    props.target.addToRolePolicy({
      Sid: `ReadBucket${props.bucketName.replace(/\W/g, "")}`,
      Action: ["s3:GetObject"],
      Resource: `${bucketArn}/*`,
    });
  }
}
