// aws-s3: PutObject of the publication as JSON under StreamAlert's key layout,
// `alerts/dt=YYYY-MM-DD-HH/<source service>_<source entity>_<rule>_<id>.json`.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { Alert } from "../../shared/alert";
import { type AwsClientOptions, awsClientConfig } from "../../shared/aws/client-config";
import { withoutOverrideKeys } from "../publishers/override-keys";
import { awsOutputError } from "./aws-error";
import { requireResource, toJsonText } from "./aws-request";
import type { OutputService } from "./types";

export const S3_SERVICE = "aws-s3";

export interface S3OutputDeps {
  clientOptions?: AwsClientOptions;
}

/**
 * StreamAlert's key with two changes that make a resend overwrite rather than duplicate: the
 * hour partition is the alert's creation hour (UTC) instead of the send time, and the alert ID
 * replaces a random UUID.
 */
export function alertObjectKey(alert: Alert): string {
  const hour = alert.created.toISOString().slice(0, 13).replace("T", "-");
  return `alerts/dt=${hour}/${alert.sourceService}_${alert.sourceEntity}_${alert.ruleName}_${alert.alertId}.json`;
}

export function createS3Output(deps: S3OutputDeps = {}): OutputService {
  let client: S3Client | undefined;
  const s3 = () => (client ??= new S3Client(awsClientConfig("s3", deps.clientOptions)));

  return {
    service: S3_SERVICE,
    credentialKeys: [],
    async dispatch({ alert, descriptor, publication, resource }) {
      const bucket = requireResource(S3_SERVICE, descriptor, resource, "bucket name");
      const key = alertObjectKey(alert);
      const body = toJsonText(S3_SERVICE, withoutOverrideKeys(publication));
      try {
        await s3().send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: "application/json",
          }),
        );
      } catch (error) {
        throw awsOutputError(S3_SERVICE, `PutObject of "${key}" to bucket "${bucket}"`, error);
      }
    },
  };
}
