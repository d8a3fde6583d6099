// The AWS output services by name, and the SSM credential keys each needs: known without loading
// the services themselves (aws-outputs.ts), which the alert processor does at first use.

export const AWS_OUTPUT_CREDENTIAL_KEYS = {
  "aws-cloudwatch-log": [],
  "aws-firehose": [],
  "aws-lambda": [],
  "aws-lambda-v2": ["lambda_function_arn"],
  "aws-s3": [],
  "aws-ses": ["from_email", "to_emails"],
  "aws-sns": [],
  "aws-sqs": [],
} as const satisfies Record<string, readonly string[]>;

export type AwsOutputName = keyof typeof AWS_OUTPUT_CREDENTIAL_KEYS;
