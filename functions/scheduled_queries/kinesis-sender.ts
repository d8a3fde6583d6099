// Sends records to the destination Kinesis stream (the cluster stream the classifier reads),
// PutRecords in batches of at most 500 records and 5 MiB, resending only the entries Kinesis
// refused, a few times with a pause, then failing with what was left.
import { type KinesisClient, PutRecordsCommand } from "@aws-sdk/client-kinesis";

export interface RecordSender {
  send(partitionKey: string, records: unknown[]): Promise<void>;
}

const MAX_BATCH_RECORDS = 500;
const MAX_BATCH_BYTES = 5 * 1024 * 1024 - 64 * 1024;

export interface KinesisSenderOptions {
  client: KinesisClient;
  streamName: string;
  /** @default 3 */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function createKinesisSender(options: KinesisSenderOptions): RecordSender {
  const attempts = options.attempts ?? 3;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function putBatch(entries: Array<{ Data: Uint8Array; PartitionKey: string }>) {
    let pending = entries;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await options.client.send(
        new PutRecordsCommand({ StreamName: options.streamName, Records: pending }),
      );
      if (!answer.FailedRecordCount) return;
      const results = answer.Records ?? [];
      const failed = pending.filter((_, index) => results[index]?.ErrorCode);
      if (attempt >= attempts) {
        const first = results.find((result) => result.ErrorCode);
        throw new Error(
          `Kinesis stream ${options.streamName} refused ${failed.length} record(s) after ${attempts} attempts: ${first?.ErrorCode} ${first?.ErrorMessage ?? ""}`.trim(),
        );
      }
      pending = failed;
      await sleep(100 * 2 ** attempt);
    }
  }

  return {
    async send(partitionKey, records) {
      let batch: Array<{ Data: Uint8Array; PartitionKey: string }> = [];
      let bytes = 0;
      for (const record of records) {
        const data = Buffer.from(JSON.stringify(record));
        if (
          batch.length === MAX_BATCH_RECORDS ||
          (batch.length > 0 && bytes + data.length > MAX_BATCH_BYTES)
        ) {
          await putBatch(batch);
          batch = [];
          bytes = 0;
        }
        batch.push({ Data: data, PartitionKey: partitionKey });
        bytes += data.length + partitionKey.length;
      }
      if (batch.length > 0) await putBatch(batch);
    },
  };
}
