import { NodeHttpHandler } from "@smithy/node-http-handler";

/**
 * SDK client settings for one AWS service. In Lambda this is just the region; when an endpoint
 * is set (tests, the local runner: `AWS_ENDPOINT_URL_<SERVICE>` or `endpoints`), it also applies
 * what the local emulators need: HTTP/1.1 for kinesalite, path-style and checksums only when
 * required for s3rver, and fixed credentials.
 */
export type AwsServiceKey =
  | "kinesis"
  | "s3"
  | "sqs"
  | "dynamodb"
  | "firehose"
  | "lambda"
  | "ssm"
  | "sns"
  | "ses"
  | "cloudwatch_logs"
  | "athena"
  | "sts";

export interface AwsClientOptions {
  region?: string;
  endpoints?: Partial<Record<AwsServiceKey, string>>;
}

const envName = (service: AwsServiceKey) => `AWS_ENDPOINT_URL_${service.toUpperCase()}`;

export function awsClientConfig(service: AwsServiceKey, options: AwsClientOptions = {}) {
  const region = options.region ?? process.env.AWS_REGION ?? "us-east-1";
  const endpoint = options.endpoints?.[service] ?? process.env[envName(service)];
  const requestHandler = new NodeHttpHandler({ connectionTimeout: 3000, socketTimeout: 30000 });
  if (!endpoint) return { region, requestHandler };
  const local = {
    region,
    endpoint,
    requestHandler,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  };
  if (service === "s3") {
    return {
      ...local,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
      requestChecksumCalculation: "WHEN_REQUIRED" as const,
      responseChecksumValidation: "WHEN_REQUIRED" as const,
    };
  }
  return local;
}
