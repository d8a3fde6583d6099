// S3 event notifications as the data bucket sends them to the partitioner's queue.

export function s3Notification(bucket: string, ...keys: string[]): string {
  return JSON.stringify({
    Records: keys.map((key) => ({
      eventSource: "aws:s3",
      eventName: "ObjectCreated:Put",
      s3: { bucket: { name: bucket }, object: { key, size: 100 } },
    })),
  });
}

export const S3_TEST_EVENT = JSON.stringify({
  Service: "Amazon S3",
  Event: "s3:TestEvent",
  Bucket: "acme-streamalert-data",
});

export function sqsEvent(...bodies: string[]) {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `m${index + 1}`,
      receiptHandle: `r${index + 1}`,
      body,
      attributes: {
        ApproximateReceiveCount: "1",
        SentTimestamp: "1700000000000",
        SenderId: "s3",
        ApproximateFirstReceiveTimestamp: "1700000000000",
      },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:acme_streamalert_athena_s3_notifications",
      awsRegion: "us-east-1",
    })),
  };
}
