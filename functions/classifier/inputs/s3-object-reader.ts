import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/** Opens an S3 object as a byte stream; the core depends on this, not on the SDK. */
export interface S3ObjectReader {
  open(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>>;
}

/** GetObject through the AWS SDK v3 client; the body is streamed, never buffered whole. */
export class SdkS3ObjectReader implements S3ObjectReader {
  constructor(private readonly client: S3Client) {}

  async open(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = response.Body as AsyncIterable<Uint8Array> | undefined;
    if (!body || typeof body[Symbol.asyncIterator] !== "function") {
      throw new Error(`s3://${bucket}/${key}: GetObject returned no readable body`);
    }
    return body;
  }
}
